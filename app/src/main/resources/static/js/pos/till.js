/*
 * Corner POS, part 3 of 3: the screens. Plain DOM, no framework; text goes in as text, never as HTML.
 *
 * Keys: F1 sell · F2 scan/search · F6 cash · F7 card · F8 split · F9 returns · F10 history ·
 * Enter confirms · Esc goes back · with the scan box empty: + / - change the quantity of the
 * selected line, Delete voids it, ↑ / ↓ select a line.
 */
(function () {
    'use strict';

    const OFFLINE_CACHE = 'corner-pos-v1';

    // Signing out forgets the register's page copy, so the next person at this browser cannot open it offline.
    // The outbox stays: sales not yet sent are never dropped.
    const signOut = document.querySelector('form.signout');
    if (signOut && window.caches) {
        signOut.addEventListener('submit', (event) => {
            event.preventDefault();
            const timeout = new Promise((resolve) => setTimeout(resolve, 1000));
            Promise.race([caches.delete(OFFLINE_CACHE), timeout]).finally(() => signOut.submit());
        });
    }

    const root = document.getElementById('till');
    if (!root) return;

    const Pos = window.CornerPos;
    const { Money, Store, api, Outbox, newId } = Pos;
    const simulatedTerminal = Pos.meta('simulated-terminal') === 'true';

    const $ = (selector, scope) => (scope || document).querySelector(selector);
    const $$ = (selector, scope) => Array.from((scope || document).querySelectorAll(selector));

    function h(tag, props) {
        const element = document.createElement(tag);
        Object.entries(props || {}).forEach(([key, value]) => {
            if (value == null || value === false) return;
            if (key === 'class') element.className = value;
            else if (key === 'dataset') Object.assign(element.dataset, value);
            else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
            else if (key in element) element[key] = value;
            else element.setAttribute(key, value);
        });
        for (const child of Array.prototype.slice.call(arguments, 2).flat(Infinity)) {
            if (child == null || child === false) continue;
            element.append(child instanceof Node ? child : String(child));
        }
        return element;
    }

    // ---- State kept across reloads: the till (store, register, shift) and the basket being rung up ----

    const state = {
        till: Store.get('till.v1', null),
        setup: null,
        products: [],
        byGtin: new Map(),
        byId: new Map(),
        registers: [],
        basket: null,
        selected: null,
        paying: null,
        lastSale: null,
        returning: null,
        screen: null,
    };

    function saveTill() {
        if (state.till) Store.set('till.v1', state.till);
        else Store.remove('till.v1');
    }

    function currency() {
        const setupCurrency = state.setup && state.setup.store && state.setup.store.currency;
        return setupCurrency || (state.till && state.till.currency) || 'EUR';
    }

    function money(amount) {
        return Money.text(Money.of(amount, currency()));
    }

    function storePath(suffix) {
        return '/api/v1/stores/' + encodeURIComponent(state.till.storeId) + suffix;
    }

    function salePath(saleId, suffix) {
        return storePath('/sales/' + encodeURIComponent(saleId) + (suffix || ''));
    }

    function shiftPath(suffix) {
        return storePath('/shifts/' + encodeURIComponent(state.till.shiftId) + suffix);
    }

    function receiptPage(saleId) {
        return '/pos/stores/' + encodeURIComponent(state.till.storeId) + '/receipts/' + encodeURIComponent(saleId);
    }

    function paidBy(tenders, type) {
        return tenders.filter((tender) => tender.type === type).reduce((sum, tender) => sum + tender.amount.amount, 0);
    }

    /** A row of two cells: a label and an amount. */
    function amountRow(props, label, amount) {
        return h('tr', props, h('td', null, label), h('td', { class: 'num' }, amount));
    }

    // ---- Messages ----

    let messageTimer = null;

    function say(text, kind) {
        const box = $('#message');
        box.textContent = text;
        box.className = 'message ' + (kind || 'info');
        box.hidden = false;
        clearTimeout(messageTimer);
        if (kind !== 'error') messageTimer = setTimeout(() => (box.hidden = true), 6000);
    }

    function failure(e) {
        if (e && e.unreachable) return 'The server cannot be reached.';
        return (e && e.message) || String(e);
    }

    // ---- Screens ----

    function show(screen) {
        state.screen = screen;
        $$('.screen').forEach((section) => (section.hidden = section.id !== 'screen-' + screen));
        const inShift = !!(state.till && state.till.shiftId);
        $('#menu').hidden = !inShift;
        $$('#menu [data-go]').forEach((button) => button.classList.toggle('current', button.dataset.go === screen));
        if (screen === 'sell') focusScan();
    }

    function go(screen) {
        const inShift = !!(state.till && state.till.shiftId);
        if (!inShift && screen !== 'setup' && screen !== 'pending') screen = 'setup';
        ({
            setup: openSetup,
            sell: () => show('sell'),
            returns: openReturns,
            history: openHistory,
            cash: () => show('cash'),
            close: openClose,
            pending: openPending,
        })[screen]();
    }

    function renderWhere() {
        const parts = [];
        if (state.till && state.till.registerName) parts.push(state.till.registerName);
        if (state.setup && state.setup.staff && state.setup.staff.name) parts.push(state.setup.staff.name);
        if (state.till) parts.push(state.till.storeName);
        $('#where').textContent = parts.join(' · ');
    }

    // ---- Setup: store, register, shift ----

    async function openSetup() {
        show('setup');
        $('#open-shift').hidden = true;
        try {
            const answer = await api.get('/api/v1/stores');
            Outbox.reachable(true);
            const stores = answer.stores || [];
            const list = $('#stores');
            list.replaceChildren(
                ...stores.map((store) =>
                    h('button', {
                        type: 'button',
                        class: 'choice',
                        dataset: { storeId: store.storeId },
                        onclick: () => chooseStore(store),
                    }, store.name)));
            if (stores.length === 0) list.append(h('p', { class: 'empty' }, 'No store to work in.'));
            const current = state.till && stores.find((store) => store.storeId === state.till.storeId);
            if (current) chooseStore(current);
            else if (stores.length === 1) chooseStore(stores[0]);
        } catch (e) {
            if (e.unreachable) Outbox.reachable(false);
            say('Cannot list the stores: ' + failure(e), 'error');
        }
    }

    async function chooseStore(store) {
        $$('#stores .choice').forEach((button) =>
            button.classList.toggle('current', button.dataset.storeId === store.storeId));
        $('#chosen-store').textContent = store.name;
        $('#register-choice').hidden = false;
        $('#add-register').hidden = false;
        $('#add-register').onsubmit = async (event) => {
            event.preventDefault();
            const name = event.target.elements.name.value;
            try {
                await api.post('/api/v1/stores/' + encodeURIComponent(store.storeId) + '/registers', { name: name });
                event.target.reset();
                chooseStore(store);
            } catch (e) {
                say('Cannot add the register: ' + failure(e), 'error');
            }
        };
        try {
            const answer = await api.get('/api/v1/stores/' + encodeURIComponent(store.storeId) + '/registers');
            state.registers = answer.registers || [];
            $('#registers').replaceChildren(
                ...state.registers.map((register) =>
                    h('button', { type: 'button', class: 'choice', dataset: { registerId: register.registerId },
                            onclick: () => chooseRegister(store, register) },
                        register.name,
                        h('small', null, register.openShiftId ? 'Shift open: continue' : 'Closed: open a shift'))));
            if (state.registers.length === 0) {
                $('#registers').append(h('p', { class: 'empty' }, 'No register yet: add one.'));
            }
        } catch (e) {
            say('Cannot list the registers: ' + failure(e), 'error');
        }
    }

    function chooseRegister(store, register) {
        if (register.openShiftId) {
            enterTill(store, register, register.openShiftId);
            return;
        }
        const form = $('#open-shift');
        form.hidden = false;
        $('#chosen-register').textContent = register.name;
        const sameRegister = state.till && state.till.registerId === register.registerId;
        form.elements.terminalId.value = (sameRegister && state.till.terminalId) || register.registerId;
        form.elements.float.value = '';
        form.elements.float.focus();
        form.onsubmit = async (event) => {
            event.preventDefault();
            const amount = Money.parse(form.elements.float.value, store.currency);
            if (amount == null) {
                say('Enter the cash float, e.g. 100.00', 'error');
                return;
            }
            try {
                const opened = await api.post(
                    '/api/v1/stores/' + encodeURIComponent(store.storeId)
                        + '/registers/' + encodeURIComponent(register.registerId) + '/shifts',
                    { openingFloat: Money.of(amount, store.currency) });
                enterTill(store, register, opened.shiftId, form.elements.terminalId.value);
            } catch (e) {
                say('Cannot open the shift: ' + failure(e), 'error');
                if (e.code === 'SHIFT_ALREADY_OPEN') chooseStore(store);
            }
        };
    }

    async function enterTill(store, register, shiftId, terminalId) {
        const sameRegister = state.till && state.till.registerId === register.registerId;
        state.till = {
            storeId: store.storeId,
            storeName: store.name,
            currency: store.currency,
            registerId: register.registerId,
            registerName: register.name,
            shiftId: shiftId,
            terminalId: terminalId || (sameRegister && state.till.terminalId) || register.registerId,
        };
        saveTill();
        state.basket = null;
        await loadSetup();
        loadBasket();
        reprice();
        renderWhere();
        show('sell');
        renderBasket();
    }

    // ---- The register setup: products and prices, cached for offline selling ----

    function useSetup(setup) {
        state.setup = setup;
        state.products = setup.products || [];
        state.byGtin = new Map(state.products.filter((p) => p.gtin).map((p) => [p.gtin, p]));
        state.byId = new Map(state.products.map((p) => [p.productId, p]));
        document.body.classList.toggle('can-discount', !!(setup.staff && setup.staff.canDiscount));
        renderWhere();
        reprice();
    }

    /** The basket at the prices of the latest setup: the server sells at its current prices. */
    function reprice() {
        if (!state.basket || !state.basket.lines.length) return;
        let changedPrices = false;
        for (const line of state.basket.lines) {
            const product = state.byId.get(line.productId);
            if (product && product.price.amount !== line.unitPrice) {
                line.unitPrice = product.price.amount;
                changedPrices = true;
            }
        }
        if (changedPrices) {
            changed();
            say('Prices were updated from the store.', 'info');
        }
    }

    async function loadSetup() {
        const key = 'setup.' + state.till.storeId;
        const cached = Store.get(key, null);
        if (cached) useSetup(cached.setup);
        try {
            // Asked with the ETag of the copy kept: an unchanged setup comes back as 304, without a body.
            const answer = await api.getIfChanged(storePath('/pos/setup'), cached && cached.etag);
            Outbox.reachable(true);
            if (answer.notModified) return;
            Store.set(key, { fetchedAt: new Date().toISOString(), etag: answer.etag, setup: answer.body });
            useSetup(answer.body);
        } catch (e) {
            if (e.unreachable) {
                Outbox.reachable(false);
                if (!cached) {
                    say('Offline, and this register has no products cached yet: connect once to load them.', 'error');
                }
            } else {
                say('Cannot load the register setup: ' + failure(e), 'error');
            }
        }
    }

    // ---- The basket ----

    /**
     * A basket's sale id is made when the basket starts and printed on the receipt, so it is kept short
     * enough to type at a return: the register id's last characters, the time, and random characters.
     * Sale ids are unique per store; registers of one store differ in those last characters.
     */
    function newBasket() {
        return { saleId: newId(state.till.registerId.slice(-6)), lines: [], basketDiscount: 0 };
    }

    function loadBasket() {
        const kept = Store.get('basket.v1', null);
        state.basket = kept && kept.registerId === state.till.registerId ? kept.basket : newBasket();
        state.selected = state.basket.lines.length ? state.basket.lines[state.basket.lines.length - 1].lineId : null;
    }

    function saveBasket() {
        Store.set('basket.v1', { registerId: state.till.registerId, basket: state.basket });
    }

    function canDiscount() {
        return !!(state.setup && state.setup.staff && state.setup.staff.canDiscount);
    }

    /** A line's figures, rounded as the server does: the discount to the nearest minor unit, halves up. */
    function figures(line) {
        const gross = line.unitPrice * line.quantity;
        const discount = Math.floor((gross * (line.discountPercent || 0) + 50) / 100);
        return { gross: gross, discount: discount, net: gross - discount };
    }

    function totals() {
        let subtotal = 0;
        let lineDiscounts = 0;
        for (const line of state.basket.lines) {
            const f = figures(line);
            subtotal += f.gross;
            lineDiscounts += f.discount;
        }
        const basketDiscount = Math.min(state.basket.basketDiscount || 0, subtotal - lineDiscounts);
        const discount = lineDiscounts + basketDiscount;
        return { subtotal: subtotal, discount: discount, basketDiscount: basketDiscount, total: subtotal - discount };
    }

    function add(product) {
        const existing = state.basket.lines.find(
            (line) => line.productId === product.productId && !line.discountPercent);
        if (existing) {
            existing.quantity += 1;
            state.selected = existing.lineId;
        } else {
            const line = {
                lineId: newId('l'),
                productId: product.productId,
                gtin: product.gtin,
                name: product.name,
                unitPrice: product.price.amount,
                quantity: 1,
                discountPercent: 0,
            };
            state.basket.lines.push(line);
            state.selected = line.lineId;
        }
        changed();
    }

    function setQuantity(line, quantity) {
        if (!Number.isInteger(quantity) || quantity < 1) {
            voidLine(line);
            return;
        }
        line.quantity = Math.min(quantity, 9999);
        changed();
    }

    function voidLine(line) {
        const index = state.basket.lines.indexOf(line);
        state.basket.lines.splice(index, 1);
        const next = state.basket.lines[Math.min(index, state.basket.lines.length - 1)];
        state.selected = next ? next.lineId : null;
        changed();
    }

    function changed() {
        saveBasket();
        renderBasket();
        if (state.paying) renderPayment();
    }

    function selectedLine() {
        return state.basket.lines.find((line) => line.lineId === state.selected) || null;
    }

    function renderBasket() {
        if (!state.basket) return;
        const body = $('#basket tbody');
        body.replaceChildren(
            ...state.basket.lines.map((line) => {
                const f = figures(line);
                const quantity = h('input', {
                    class: 'qty-input',
                    value: String(line.quantity),
                    inputMode: 'numeric',
                    'aria-label': 'Quantity of ' + line.name,
                    onchange: (event) => setQuantity(line, Number(event.target.value)),
                });
                const discount = h('input', {
                    class: 'discount-input',
                    value: line.discountPercent ? String(line.discountPercent) : '',
                    inputMode: 'numeric',
                    placeholder: '0',
                    'aria-label': 'Discount % on ' + line.name,
                    onchange: (event) => {
                        const percent = Number(event.target.value || 0);
                        if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
                            say('A discount is a whole percentage from 0 to 100.', 'error');
                            event.target.value = line.discountPercent || '';
                            return;
                        }
                        line.discountPercent = percent;
                        changed();
                    },
                });
                const row = h('tr', {
                        class: 'line' + (line.lineId === state.selected ? ' selected' : ''),
                        dataset: { productId: line.productId, gtin: line.gtin || '' },
                    },
                    h('td', { class: 'name' }, line.name),
                    h('td', { class: 'num' }, money(line.unitPrice)),
                    h('td', { class: 'qty' },
                        h('button', {
                            type: 'button',
                            class: 'step',
                            'aria-label': 'One less',
                            onclick: () => setQuantity(line, line.quantity - 1),
                        }, '−'),
                        quantity,
                        h('button', {
                            type: 'button',
                            class: 'step',
                            'aria-label': 'One more',
                            onclick: () => setQuantity(line, line.quantity + 1),
                        }, '+')),
                    h('td', { class: 'discount-col' }, discount),
                    h('td', { class: 'num line-total' }, money(f.net)),
                    h('td', null, h('button', {
                        type: 'button',
                        class: 'void',
                        'aria-label': 'Void ' + line.name,
                        onclick: () => voidLine(line),
                    }, '×')));
                row.addEventListener('click', (event) => {
                    if (event.target.closest('input, button')) return;
                    state.selected = line.lineId;
                    renderBasket();
                });
                return row;
            }));
        $('#basket-empty').hidden = state.basket.lines.length > 0;
        const t = totals();
        $('#subtotal').textContent = money(t.subtotal);
        $('#discount-total').textContent = money(t.discount);
        $('#total').textContent = money(t.total);
        const basketDiscount = $('#basket-discount');
        if (document.activeElement !== basketDiscount) {
            const amount = state.basket.basketDiscount;
            basketDiscount.value = amount ? Money.plain(amount, currency()) : '';
        }
        const empty = state.basket.lines.length === 0;
        ['#pay-cash', '#pay-card', '#pay-split', '#clear-basket'].forEach((id) => ($(id).disabled = empty));
    }

    // ---- Scanning and searching ----

    let highlighted = -1;

    function focusScan() {
        if (state.screen === 'sell' && !state.paying) $('#scan-input').focus();
    }

    function matches(query) {
        const q = query.trim().toLowerCase();
        if (!q) return [];
        return state.products
            .filter((p) => (p.gtin && p.gtin.startsWith(q)) || p.name.toLowerCase().includes(q))
            .slice(0, 8);
    }

    function renderResults() {
        const found = matches($('#scan-input').value);
        const list = $('#search-results');
        list.hidden = found.length === 0;
        if (highlighted >= found.length) highlighted = found.length - 1;
        list.replaceChildren(
            ...found.map((product, index) =>
                h('li', null,
                    h('button', {
                            type: 'button',
                            class: 'result' + (index === highlighted ? ' highlighted' : ''),
                            dataset: { productId: product.productId },
                            onclick: () => pick(product),
                        },
                        h('span', null, product.name),
                        h('span', { class: 'muted' }, product.gtin || ''),
                        h('strong', null, Money.text(product.price))))));
        return found;
    }

    function pick(product) {
        add(product);
        $('#scan-input').value = '';
        highlighted = -1;
        renderResults();
        focusScan();
    }

    function scanned() {
        const input = $('#scan-input');
        const query = input.value.trim();
        if (!query) return;
        const exact = state.byGtin.get(query);
        if (exact) return pick(exact);
        const found = matches(query);
        if (highlighted >= 0 && found[highlighted]) return pick(found[highlighted]);
        if (found.length === 1) return pick(found[0]);
        if (/^\d{8,14}$/.test(query)) {
            say('Unknown barcode ' + query + ': not sold in this store.', 'error');
            input.select();
        }
    }

    // ---- Paying ----

    function renderPayment() {
        const kind = state.paying;
        const t = totals();
        const form = $('#payment');
        $('#payment-title').textContent = { CASH: 'Cash', CARD: 'Card', SPLIT: 'Split: card and cash' }[kind];
        $('#payment-due').textContent = money(t.total);
        $('#card-amount-row').hidden = kind !== 'SPLIT';
        $('#cash-given-row').hidden = kind === 'CARD';
        $('#quick-cash').hidden = kind === 'CARD';
        $('#change-row').hidden = kind === 'CARD';
        $('#test-card-row').hidden = !simulatedTerminal || kind === 'CASH';
        const card = cardAmount();
        const cashDue = t.total - card;
        $('#quick-cash').replaceChildren(
            ...Money.suggestions(Math.max(cashDue, 0), currency()).map((amount) =>
                h('button', {
                        type: 'button',
                        class: 'quick-amount',
                        onclick: () => {
                            $('#cash-given').value = Money.plain(amount, currency());
                            renderChange();
                            $('#payment-confirm').focus();
                        },
                    },
                    money(amount))));
        const limit = state.setup && state.setup.offlineCardLimit;
        const note = $('#offline-card-note');
        note.hidden = kind === 'CASH' || Outbox.online();
        note.textContent = limit
            ? 'Offline: card payments up to ' + Money.text(limit) + ' a sale are kept and sent later.'
            : '';
        renderChange();
        form.hidden = false;
    }

    function cardAmount() {
        const t = totals();
        if (state.paying === 'CARD') return t.total;
        if (state.paying === 'SPLIT') return Money.parse($('#card-amount').value, currency()) || 0;
        return 0;
    }

    function renderChange() {
        const t = totals();
        const given = Money.parse($('#cash-given').value, currency());
        const due = t.total - cardAmount();
        const change = given == null ? 0 : given - due;
        $('#change').textContent = change >= 0 ? money(change) : 'still ' + money(-change) + ' to pay';
    }

    function startPayment(kind) {
        if (state.screen !== 'sell' || state.basket.lines.length === 0) return;
        const t = totals();
        if (t.total <= 0) {
            say('Nothing to pay.', 'error');
            return;
        }
        state.paying = kind;
        $('.pay-side').classList.add('paying');
        $('#pay-buttons').hidden = true;
        $('#payment-status').textContent = '';
        $('#test-card').value = 'APPROVED';
        $('#card-amount').value = '';
        $('#cash-given').value = kind === 'CASH' ? Money.plain(t.total, currency()) : '';
        renderPayment();
        const first = kind === 'SPLIT' ? $('#card-amount') : kind === 'CASH' ? $('#cash-given') : $('#payment-confirm');
        first.focus();
        if (first.select) first.select();
    }

    function stopPayment() {
        state.paying = null;
        $('.pay-side').classList.remove('paying');
        $('#payment').hidden = true;
        $('#pay-buttons').hidden = false;
        focusScan();
    }

    /** The tenders as the API takes them: card first, then the cash handed over (only cash gives change). */
    function tenders() {
        const t = totals();
        const c = currency();
        const card = cardAmount();
        const out = [];
        if (card > 0) out.push({ type: 'CARD', amount: Money.of(card, c), terminalId: state.till.terminalId });
        if (state.paying !== 'CARD') {
            const given = Money.parse($('#cash-given').value, c);
            const due = t.total - card;
            if (state.paying === 'SPLIT' && (card <= 0 || card > t.total)) {
                throw new Error('Enter the card part: more than 0 and at most ' + money(t.total) + '.');
            }
            if (due > 0) {
                if (given == null || given < due) throw new Error('Cash given must cover ' + money(due) + '.');
                out.push({ type: 'CASH', amount: Money.of(given, c) });
            }
        }
        return out;
    }

    let submitting = false;

    async function confirmPayment() {
        if (submitting) return;
        let paid;
        try {
            paid = tenders();
        } catch (e) {
            $('#payment-status').textContent = e.message;
            return;
        }
        const t = totals();
        const basket = state.basket;
        const sale = {
            saleId: basket.saleId,
            registerId: state.till.registerId,
            lines: basket.lines.map((line) => {
                const out = { productId: line.productId, quantity: line.quantity };
                if (line.discountPercent) out.discountPercent = line.discountPercent;
                return out;
            }),
            tenders: paid,
        };
        if (t.basketDiscount > 0) sale.basketDiscount = Money.of(t.basketDiscount, currency());
        const hasCard = paid.some((tender) => tender.type === 'CARD');
        submitting = true;
        $('#payment-confirm').disabled = true;
        try {
            if (!Outbox.online()) {
                keepOffline(sale, t);
                return;
            }
            $('#payment-status').textContent = hasCard ? 'Waiting for the card terminal…' : 'Recording…';
            try {
                if (hasCard && simulatedTerminal && $('#test-card').value !== 'APPROVED') {
                    const terminal = '/pos/terminals/' + encodeURIComponent(state.till.terminalId);
                    await api.session('POST', terminal + '/test-card', { outcome: $('#test-card').value });
                }
                const answer = await api.post(storePath('/sales'), sale);
                Outbox.reachable(true);
                finished(basket, answer, false);
            } catch (e) {
                if (e.unreachable) {
                    Outbox.reachable(false);
                    keepOffline(sale, t);
                } else if (e.code === 'CARD_DECLINED') {
                    const reason = e.problem.declineCode ? ' (' + e.problem.declineCode.replace(/_/g, ' ') + ')' : '';
                    $('#payment-status').textContent =
                        'Card declined' + reason + '. Ask for another card or take cash.';
                } else if (e.code === 'SALE_ID_REUSED') {
                    // Sent before and recorded with other content: show what the server recorded.
                    const recorded = await api.get(salePath(basket.saleId));
                    finished(basket, recorded, false);
                } else if (e.code === 'NO_OPEN_SHIFT') {
                    $('#payment-status').textContent =
                        'The shift on this register is closed: open a new one to go on selling.';
                } else {
                    $('#payment-status').textContent = failure(e);
                    if (e.code === 'INSUFFICIENT_TENDER' || e.code === 'NOT_OFFERED') loadSetup();
                }
            }
        } finally {
            submitting = false;
            $('#payment-confirm').disabled = false;
        }
    }

    /** Keeps the sale on this register to send later: cash always, card up to the offline limit. */
    function keepOffline(sale, t) {
        const limit = state.setup && state.setup.offlineCardLimit;
        const card = paidBy(sale.tenders, 'CARD');
        if (card > 0 && (!limit || card > limit.amount)) {
            $('#payment-status').textContent = 'No connection: card payments offline only up to '
                + (limit ? Money.text(limit) : '0') + ' a sale. Take cash, or split.';
            return;
        }
        const c = currency();
        const seller = state.setup && state.setup.staff && state.setup.staff.accountId;
        const body = Object.assign({}, sale, seller ? { soldBy: seller } : {}, {
            madeOfflineAt: new Date().toISOString(),
            lines: state.basket.lines.map((line) => {
                const out = {
                    productId: line.productId,
                    quantity: line.quantity,
                    unitPrice: Money.of(line.unitPrice, c),
                };
                if (line.discountPercent) out.discountPercent = line.discountPercent;
                return out;
            }),
        });
        const cash = paidBy(sale.tenders, 'CASH');
        const answer = {
            saleId: sale.saleId,
            subtotal: Money.of(t.subtotal, c),
            discount: Money.of(t.discount, c),
            total: Money.of(t.total, c),
            change: Money.of(Math.max(0, cash - (t.total - card)), c),
            tenders: sale.tenders.map((tender) => ({
                type: tender.type,
                amount: tender.amount,
                status: tender.type === 'CASH' ? 'CASH' : 'PENDING',
            })),
            flags: [],
        };
        Outbox.add(state.till.storeId, sale.saleId, body, answer);
        finished(state.basket, answer, true);
        Outbox.sync('new');
    }

    function finished(basket, answer, offline) {
        state.lastSale = { basket: basket, answer: answer, offline: offline, at: new Date() };
        state.basket = newBasket();
        state.selected = null;
        saveBasket();
        state.paying = null;
        $('.pay-side').classList.remove('paying');
        $('#payment').hidden = true;
        $('#pay-buttons').hidden = false;
        renderBasket();
        showDone();
    }

    // ---- After the sale: change, receipt, e-mail ----

    function receipt(basket, answer, when) {
        const c = currency();
        const lines = (answer.lines && answer.lines.length ? answer.lines : null) || basket.lines.map((line) => {
            const f = figures(line);
            return {
                name: line.name,
                quantity: line.quantity,
                unitPrice: Money.of(line.unitPrice, c),
                discount: Money.of(f.discount, c),
                total: Money.of(f.net, c),
            };
        });
        const rows = [];
        lines.forEach((line) => {
            const product = line.name || (state.byId.get(line.productId) || {}).name || line.productId;
            rows.push(h('tr', null,
                h('td', null, line.quantity + ' × ' + product),
                h('td', { class: 'num' }, Money.text(line.total))));
            if (line.discount && line.discount.amount > 0) {
                rows.push(amountRow({ class: 'muted' }, '  discount', '−' + Money.text(line.discount)));
            }
        });
        const figuresRows = [];
        if (answer.discount && answer.discount.amount > 0) {
            figuresRows.push(amountRow(null, 'Subtotal', Money.text(answer.subtotal)));
            figuresRows.push(amountRow(null, 'Discount', '−' + Money.text(answer.discount)));
        }
        figuresRows.push(h('tr', { class: 'grand' },
            h('td', null, 'Total'),
            h('td', { class: 'num receipt-total' }, Money.text(answer.total))));
        (answer.tenders || []).forEach((tender) => {
            let detail = '';
            if (tender.authCode) detail = ' (auth ' + tender.authCode + ')';
            else if (tender.status === 'PENDING') detail = ' (sent later)';
            figuresRows.push(h('tr', { class: 'tender', dataset: { type: tender.type } },
                h('td', null, (tender.type === 'CARD' ? 'Card' : 'Cash') + detail),
                h('td', { class: 'num' }, Money.text(tender.amount))));
        });
        if (answer.change && answer.change.amount > 0) {
            figuresRows.push(amountRow(null, 'Change', Money.text(answer.change)));
        }
        return h('div', { class: 'receipt-body' },
            h('p', { class: 'receipt-store' }, state.till.storeName),
            h('p', { class: 'muted' }, when.toLocaleString('en-GB'), ' · ', state.till.registerName || ''),
            h('p', { class: 'muted' }, 'Sale ', h('code', { class: 'sale-id' }, answer.saleId)),
            h('table', null, h('tbody', null, rows, figuresRows)),
            (answer.flags || []).length ? h('p', { class: 'flags' }, 'Flags: ' + answer.flags.join(', ')) : null);
    }

    function showDone() {
        const { basket, answer, offline, at } = state.lastSale;
        show('done');
        const cashTendered = (answer.tenders || []).some((tender) => tender.type === 'CASH');
        $('#done-change-row').hidden = !cashTendered;
        $('#done-change').textContent = Money.text(answer.change);
        $('#done-offline').hidden = !offline;
        $('#done-receipt').replaceChildren(receipt(basket, answer, at));
        $('#email-receipt').hidden = offline;
        const page = $('#receipt-page');
        page.hidden = offline;
        page.href = receiptPage(answer.saleId);
        $('#email-status').textContent = '';
        $('#next-sale').focus();
    }

    async function emailReceipt(event) {
        event.preventDefault();
        const email = event.target.elements.email.value;
        const saleId = state.lastSale.answer.saleId;
        const button = $('button[type=submit]', event.target);
        button.disabled = true;
        try {
            // A retry of this request is not sent twice; the key holds no address.
            await api.post(salePath(saleId, '/receipt-emails'), { email: email },
                { headers: { 'Idempotency-Key': newId('receipt-mail') } });
            $('#email-status').textContent = 'Receipt sent to ' + email + '.';
            event.target.reset();
            $('#next-sale').focus();
        } catch (e) {
            $('#email-status').textContent = 'Not sent: ' + failure(e);
        } finally {
            button.disabled = false;
        }
    }

    function printReceipt() {
        document.body.classList.add('printing-receipt');
        window.print();
        document.body.classList.remove('printing-receipt');
    }

    // ---- Returns ----

    function openReturns(saleId) {
        show('returns');
        $('#return-result').hidden = true;
        if (typeof saleId === 'string') {
            $('#return-sale-id').value = saleId;
            lookUpReturn();
        } else {
            $('#return-form').hidden = true;
            $('#return-sale-id').value = '';
            $('#return-sale-id').focus();
        }
    }

    function returnedByLine(sale) {
        const returned = new Map();
        (sale.returns || []).forEach((made) =>
            (made.lines || []).forEach((line) =>
                returned.set(line.lineNo, (returned.get(line.lineNo) || 0) + line.quantity)));
        return returned;
    }

    async function lookUpReturn(event) {
        if (event) event.preventDefault();
        const saleId = $('#return-sale-id').value.trim();
        $('#return-result').hidden = true;
        try {
            const sale = await api.get(salePath(saleId));
            const returned = returnedByLine(sale);
            state.returning = { saleId: sale.saleId, returnId: newId('r' + state.till.registerId.slice(-6)) };
            $('#return-sale').textContent = sale.saleId;
            $('#return-sale-when').textContent = sale.recordedAt
                ? new Date(sale.recordedAt).toLocaleString('en-GB')
                : '';
            $('#return-lines').replaceChildren(
                ...(sale.lines || []).map((line) => {
                    const left = line.quantity - (returned.get(line.lineNo) || 0);
                    const name = line.name || (state.byId.get(line.productId) || {}).name || line.productId;
                    const dataset = { lineNo: String(line.lineNo), productId: line.productId };
                    return h('tr', { class: 'return-line', dataset: dataset },
                        h('td', null, name),
                        h('td', { class: 'num' }, String(line.quantity)),
                        h('td', { class: 'num' }, String(returned.get(line.lineNo) || 0)),
                        h('td', { class: 'qty' }, h('input', {
                            class: 'return-qty', type: 'number', min: '0', max: String(left), value: '0',
                            disabled: left <= 0, 'aria-label': 'Return how many of ' + name,
                        })),
                        h('td', null, h('label', { class: 'check' },
                            h('input', { type: 'checkbox', class: 'restock', checked: true }),
                            'restock')));
                }));
            const mayRefund = !state.setup || !state.setup.staff || state.setup.staff.canRefund !== false;
            $('#return-form').hidden = false;
            $('#return-form button[type=submit]').disabled = !mayRefund;
            if (!mayRefund) say('You may not give refunds: ask someone who may.', 'error');
        } catch (e) {
            $('#return-form').hidden = true;
            const missing = e.code === 'SALE_NOT_FOUND' || e.status === 404;
            say(missing ? 'No sale ' + saleId + ' in this store.' : failure(e), 'error');
        }
    }

    async function submitReturn(event) {
        event.preventDefault();
        const lines = $$('#return-lines tr.return-line')
            .map((row) => ({
                lineNo: Number(row.dataset.lineNo),
                quantity: Number($('.return-qty', row).value || 0),
                restock: $('.restock', row).checked,
            }))
            .filter((line) => line.quantity > 0);
        if (lines.length === 0) {
            say('Choose what comes back.', 'error');
            return;
        }
        const request = {
            returnId: state.returning.returnId,
            saleId: state.returning.saleId,
            registerId: state.till.registerId,
            lines: lines,
        };
        const reason = event.target.elements.reason.value.trim();
        if (reason) request.reason = reason;
        try {
            const answer = await api.post(storePath('/returns'), request);
            $('#refund-total').textContent = Money.text(answer.refund);
            $('#refund-tenders').replaceChildren(
                ...(answer.refunds || []).map((refund) =>
                    h('li', { dataset: { type: refund.type } },
                        refund.type === 'CARD' ? 'Back to the card: ' : 'Cash from the drawer: ',
                        h('strong', null, Money.text(refund.amount)))));
            $('#return-form').hidden = true;
            $('#return-result').hidden = false;
            state.returning = null;
        } catch (e) {
            say('Not refunded: ' + failure(e), 'error');
        }
    }

    // ---- Sales history ----

    function openHistory() {
        show('history');
        const form = $('#history-search');
        const registers = form.elements.registerId;
        registers.replaceChildren(h('option', { value: '' }, 'All'),
            ...state.registers.map((register) => h('option', { value: register.registerId }, register.name)));
        if (!state.registers.some((register) => register.registerId === state.till.registerId)) {
            registers.append(h('option', { value: state.till.registerId }, state.till.registerName));
        }
        const products = form.elements.productId;
        products.replaceChildren(h('option', { value: '' }, 'All'),
            ...state.products.slice().sort((a, b) => a.name.localeCompare(b.name))
                .map((product) => h('option', { value: product.productId }, product.name)));
        $('#sale-detail').hidden = true;
        $('#sale-actions').hidden = true;
        searchHistory();
    }

    function dayStart(value, plusDays) {
        const [y, m, d] = value.split('-').map(Number);
        return new Date(y, m - 1, d + (plusDays || 0)).toISOString();
    }

    async function searchHistory(event) {
        if (event) event.preventDefault();
        const form = $('#history-search');
        const query = new URLSearchParams();
        if (form.elements.from.value) query.set('from', dayStart(form.elements.from.value));
        if (form.elements.to.value) query.set('to', dayStart(form.elements.to.value, 1));
        if (form.elements.registerId.value) query.set('registerId', form.elements.registerId.value);
        if (form.elements.productId.value) query.set('productId', form.elements.productId.value);
        if (form.elements.flagged.checked) query.set('flagged', 'true');
        if (form.elements.saleId.value.trim()) query.set('saleId', form.elements.saleId.value.trim());
        query.set('limit', '50');
        try {
            const answer = await api.get(storePath('/sales?' + query));
            const names = new Map(state.registers.map((register) => [register.registerId, register.name]));
            const sales = answer.sales || [];
            $('#history tbody').replaceChildren(
                ...sales.map((sale) =>
                    h('tr', { dataset: { saleId: sale.saleId } },
                        h('td', null, h('button', {
                            type: 'button',
                            class: 'link-button',
                            onclick: () => showSale(sale.saleId),
                        }, sale.saleId)),
                        h('td', null, new Date(sale.recordedAt).toLocaleString('en-GB')),
                        h('td', null, names.get(sale.registerId) || sale.registerId || ''),
                        h('td', { class: 'num' }, Money.text(sale.total)),
                        h('td', null, (sale.offline ? ['offline'] : []).concat(sale.flags || []).join(', ')))));
            $('#history-empty').hidden = sales.length > 0;
        } catch (e) {
            say('Cannot search the sales: ' + failure(e), 'error');
        }
    }

    async function showSale(saleId) {
        try {
            const sale = await api.get(salePath(saleId));
            const detail = $('#sale-detail');
            detail.replaceChildren(receipt({ lines: [] }, sale, new Date(sale.recordedAt)));
            if (sale.servedBy) detail.append(h('p', { class: 'muted served-by' }, 'Served by ' + sale.servedBy));
            (sale.returns || []).forEach((made) =>
                detail.append(h('p', { class: 'muted returned' },
                    'Returned: ' + Money.text(made.refund) + ' (' + made.returnId + ')')));
            detail.hidden = false;
            $('#sale-actions').hidden = false;
            $('#sale-receipt-link').href = receiptPage(saleId);
            $('#sale-return').onclick = () => openReturns(saleId);
        } catch (e) {
            say('Cannot show the sale: ' + failure(e), 'error');
        }
    }

    // ---- Cash drawer ----

    async function noSale() {
        await sendCash({ type: 'NO_SALE' }, 'Drawer opened, no sale.');
    }

    async function moveCash(event) {
        event.preventDefault();
        const form = event.target;
        const type = event.submitter ? event.submitter.value : 'PAID_IN';
        const amount = Money.parse(form.elements.amount.value, currency());
        if (amount == null || amount <= 0) {
            $('#cash-status').textContent = 'Enter an amount above zero.';
            return;
        }
        const body = { type: type, amount: Money.of(amount, currency()) };
        if (form.elements.note.value.trim()) body.note = form.elements.note.value.trim();
        if (await sendCash(body, (type === 'PAID_IN' ? 'Paid in ' : 'Paid out ') + money(amount) + '.')) {
            form.reset();
        }
    }

    /**
     * Records a cash movement under a register-made movementId. Offline it waits in the outbox, with
     * the time it was made, and is sent when the connection returns; sent twice, it counts once.
     */
    async function sendCash(body, doneText) {
        const move = Object.assign({ movementId: newId('c' + state.till.registerId.slice(-6)) }, body);
        const keep = () => {
            Outbox.addCash(state.till.storeId, shiftPath('/cash'),
                Object.assign({ madeOfflineAt: new Date().toISOString() }, move),
                { type: move.type, amount: move.amount || null });
            $('#cash-status').textContent = doneText + ' Offline: it will be sent when the connection returns.';
            Outbox.sync('new');
            return true;
        };
        if (!Outbox.online()) return keep();
        try {
            await api.post(shiftPath('/cash'), move);
            Outbox.reachable(true);
            $('#cash-status').textContent = doneText;
            return true;
        } catch (e) {
            if (e.unreachable) {
                Outbox.reachable(false);
                return keep();
            }
            $('#cash-status').textContent = 'Not recorded: ' + failure(e);
            return false;
        }
    }

    // ---- Closing the shift ----

    const REPORT_LABELS = [
        ['openingFloat', 'Opening float'],
        ['sales', 'Sales'],
        ['salesTotal', 'Sales total'],
        ['byTender', 'By tender'],
        ['discounts', 'Discounts'],
        ['returns', 'Returns'],
        ['refunds', 'Refunds'],
        ['refundsByTender', 'Refunds by tender'],
        ['offlineSales', 'Sold offline'],
        ['cashTaken', 'Cash taken'],
        ['paidIn', 'Paid in'],
        ['paidOut', 'Paid out'],
        ['noSales', 'No-sales'],
        ['expectedCash', 'Expected cash'],
        ['countedCash', 'Counted cash'],
        ['variance', 'Variance'],
    ];

    function reportValue(value) {
        if (value == null) return '—';
        if (typeof value !== 'object') return String(value);
        if ('amount' in value && 'currency' in value) return Money.text(value);
        return Object.entries(value).map(([key, part]) => key + ' ' + reportValue(part)).join(' · ');
    }

    function renderReport(report, closed) {
        const box = $('#z-report');
        box.replaceChildren(
            h('h3', null, closed ? 'Z-report' : 'Running figures (X-report)'),
            h('dl', null, REPORT_LABELS.filter(([key]) => key in report).map(([key, label]) => [
                h('dt', null, label),
                h('dd', { dataset: { field: key } }, reportValue(report[key])),
            ])));
        box.hidden = false;
    }

    function pendingHere() {
        return Outbox.entries().filter((entry) => entry.storeId === state.till.storeId).length;
    }

    function openClose() {
        show('close');
        $('#z-report').hidden = true;
        const pending = pendingHere();
        $('#close-pending').hidden = pending === 0;
        $('#close-pending').textContent =
            pending + ' sale(s) made offline still wait to be sent: send them before closing.';
        $('#close-shift button').disabled = pending > 0;
        $('#close-shift').hidden = false;
        $('#close-shift').elements.counted.focus();
    }

    async function xReport() {
        try {
            renderReport(await api.get(shiftPath('/report')), false);
        } catch (e) {
            say('Cannot read the figures: ' + failure(e), 'error');
        }
    }

    async function closeShift(event) {
        event.preventDefault();
        const counted = Money.parse(event.target.elements.counted.value, currency());
        if (counted == null) {
            say('Enter the cash counted, e.g. 123.45', 'error');
            return;
        }
        if (pendingHere() > 0) return openClose();
        try {
            const report = await api.post(shiftPath('/close'),
                { countedCash: Money.of(counted, currency()) });
            renderReport(report, true);
            state.till.shiftId = null;
            saveTill();
            $('#close-shift').hidden = true;
            $('#menu').hidden = true;
            $('#z-report').append(
                h('button', { type: 'button', class: 'big', onclick: () => go('setup') }, 'Open a new shift'));
        } catch (e) {
            say('Not closed: ' + failure(e), 'error');
        }
    }

    // ---- Waiting sales ----

    function openPending() {
        show('pending');
        renderPending();
    }

    function renderPending() {
        if (state.screen !== 'pending') return;
        $('#pending-list tbody').replaceChildren(
            ...Outbox.entries().map((entry) =>
                h('tr', { dataset: { saleId: Outbox.keyOf(entry) } },
                    h('td', null, h('code', null, Outbox.keyOf(entry)),
                        entry.movementId ? ' ' + CASH_LABELS[entry.display.type] : ''),
                    h('td', null, new Date(entry.createdAt).toLocaleString('en-GB')),
                    h('td', { class: 'num' }, pendingAmount(entry)),
                    h('td', null, pendingState(entry)))));
        $('#sent-list tbody').replaceChildren(
            ...Outbox.sent().map((sent) =>
                h('tr', { dataset: { saleId: sent.saleId } },
                    h('td', null, h('code', null, sent.saleId)),
                    h('td', null, new Date(sent.sentAt).toLocaleString('en-GB')),
                    h('td', { class: 'num' }, sent.total ? Money.text(sent.total) : ''),
                    h('td', null, (sent.flags || []).join(', ')))));
    }

    const CASH_LABELS = { PAID_IN: '(paid in)', PAID_OUT: '(paid out)', NO_SALE: '(no sale)' };

    function pendingAmount(entry) {
        if (!entry.display) return '';
        if (entry.movementId) return entry.display.amount ? Money.text(entry.display.amount) : '';
        return Money.text(entry.display.total);
    }

    function pendingState(entry) {
        if (entry.state === 'attention') return 'Refused: ' + entry.lastError;
        return entry.attempts ? 'Retrying' : 'Waiting';
    }

    function renderConnection(outbox, event) {
        const connection = $('#connection');
        const online = outbox.reachable;
        connection.textContent = outbox.signedOut ? 'Signed out' : online ? 'Online' : 'Offline';
        connection.className = 'connection ' + (outbox.signedOut ? 'signed-out' : online ? 'online' : 'offline');
        const button = $('#pending-button');
        button.hidden = outbox.count === 0;
        $('#pending-count').textContent = String(outbox.count);
        button.classList.toggle('attention', outbox.attention > 0);
        if (event && event.sent && event.answer && (event.answer.flags || []).length) {
            say('Sale ' + event.sent + ' sent; flagged: ' + event.answer.flags.join(', '), 'info');
        }
        if (outbox.signedOut) say('Signed out: sign in again so the waiting sales can be sent.', 'error');
        renderPending();
    }

    // ---- Keyboard ----

    function onKey(event) {
        const key = event.key;
        const shortcuts = {
            F1: () => go('sell'),
            F2: () => {
                if (state.screen !== 'sell') go('sell');
                stopPaymentIfAny();
                $('#scan-input').focus();
                $('#scan-input').select();
            },
            F6: () => startPayment('CASH'),
            F7: () => startPayment('CARD'),
            F8: () => startPayment('SPLIT'),
            F9: () => go('returns'),
            F10: () => go('history'),
        };
        if (shortcuts[key] && state.till && state.till.shiftId) {
            event.preventDefault();
            shortcuts[key]();
            return;
        }
        if (key === 'Escape') {
            if (state.paying) stopPayment();
            else if (state.screen !== 'sell' && state.till && state.till.shiftId) go('sell');
            return;
        }
        const inEmailForm = event.target.closest && event.target.closest('#email-receipt');
        if (key === 'Enter' && state.screen === 'done' && !inEmailForm) {
            event.preventDefault();
            nextSale();
        }
    }

    function stopPaymentIfAny() {
        if (state.paying) stopPayment();
    }

    function onScanKey(event) {
        const input = event.target;
        const found = matches(input.value);
        if (event.key === 'Enter') {
            event.preventDefault();
            scanned();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            if (found.length && input.value) {
                highlighted = Math.max(-1, Math.min(found.length - 1, highlighted + step));
                renderResults();
            } else if (state.basket.lines.length) {
                const index = state.basket.lines.findIndex((line) => line.lineId === state.selected);
                const next = state.basket.lines[Math.max(0, Math.min(state.basket.lines.length - 1, index + step))];
                state.selected = next.lineId;
                renderBasket();
            }
        } else if (!input.value && (event.key === '+' || event.key === '-' || event.key === 'Delete')) {
            const line = selectedLine();
            if (!line) return;
            event.preventDefault();
            if (event.key === 'Delete') voidLine(line);
            else setQuantity(line, line.quantity + (event.key === '+' ? 1 : -1));
        }
    }

    function nextSale() {
        go('sell');
    }

    // ---- Wiring ----

    function wire() {
        $$('#menu [data-go]').forEach((button) => button.addEventListener('click', () => go(button.dataset.go)));
        $('#pending-button').addEventListener('click', () => go('pending'));
        $('#send-now').addEventListener('click', () => Outbox.sync('manual'));
        $('#scan').addEventListener('submit', (event) => {
            event.preventDefault();
            scanned();
        });
        $('#scan-input').addEventListener('keydown', onScanKey);
        $('#scan-input').addEventListener('input', () => {
            highlighted = -1;
            renderResults();
        });
        $('#basket-discount').addEventListener('change', (event) => {
            const amount = Money.parse(event.target.value || '0', currency());
            if (amount == null) {
                say('Enter the basket discount as an amount, e.g. 1.50', 'error');
                return;
            }
            state.basket.basketDiscount = amount;
            changed();
        });
        $('#pay-cash').addEventListener('click', () => startPayment('CASH'));
        $('#pay-card').addEventListener('click', () => startPayment('CARD'));
        $('#pay-split').addEventListener('click', () => startPayment('SPLIT'));
        $('#clear-basket').addEventListener('click', () => {
            state.basket.lines = [];
            state.basket.basketDiscount = 0;
            state.selected = null;
            changed();
            focusScan();
        });
        $('#payment').addEventListener('submit', (event) => {
            event.preventDefault();
            confirmPayment();
        });
        $('#payment-cancel').addEventListener('click', stopPayment);
        $('#card-amount').addEventListener('input', () => {
            const t = totals();
            const card = cardAmount();
            $('#cash-given').value = card > 0 && card <= t.total ? Money.plain(t.total - card, currency()) : '';
            renderPayment();
        });
        $('#cash-given').addEventListener('input', renderChange);
        $('#next-sale').addEventListener('click', nextSale);
        $('#print-receipt').addEventListener('click', printReceipt);
        $('#email-receipt').addEventListener('submit', emailReceipt);
        $('#return-lookup').addEventListener('submit', lookUpReturn);
        $('#return-form').addEventListener('submit', submitReturn);
        $('#history-search').addEventListener('submit', searchHistory);
        $('#no-sale').addEventListener('click', noSale);
        $('#cash-move').addEventListener('submit', moveCash);
        $('#x-report').addEventListener('click', xReport);
        $('#close-shift').addEventListener('submit', closeShift);
        document.addEventListener('keydown', onKey);
        Outbox.subscribe(renderConnection);
    }

    /**
     * Keeps a copy of this page and its scripts and styles, which the service worker answers with when
     * the register is reloaded while the server cannot be reached. Without it (no service workers, not
     * a secure origin) the register still sells offline, but only in a page that is already open.
     */
    async function keepForOffline() {
        if (!('serviceWorker' in navigator) || !window.caches || !navigator.onLine) return;
        try {
            await navigator.serviceWorker.register('/pos/sw.js', { scope: '/pos' });
            const cache = await caches.open(OFFLINE_CACHE);
            const urls = ['/pos'].concat(
                $$('script[src]').map((script) => script.getAttribute('src')),
                $$('link[rel=stylesheet]').map((link) => link.getAttribute('href')));
            for (const url of urls) {
                const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
                if (response.ok && !response.redirected) await cache.put(url, response);
            }
            await navigator.serviceWorker.ready;
            document.body.dataset.offlineReady = 'true';
        } catch (e) {
            console.warn('the register will not open offline', e);
        }
    }

    /** Back to where the register was: its open shift, checked with the server when it can be reached. */
    async function start() {
        wire();
        keepForOffline();
        if (!(state.till && state.till.shiftId)) {
            go('setup');
            Outbox.sync('load');
            return;
        }
        await loadSetup();
        loadBasket();
        reprice();
        renderWhere();
        show('sell');
        renderBasket();
        try {
            const answer = await api.get(storePath('/registers'));
            state.registers = answer.registers || [];
            const register = state.registers.find((r) => r.registerId === state.till.registerId);
            if (!register || !register.openShiftId) {
                say('The shift on this register was closed. Open a new one.', 'error');
                state.till.shiftId = null;
                saveTill();
                go('setup');
            } else if (register.openShiftId !== state.till.shiftId) {
                state.till.shiftId = register.openShiftId;
                saveTill();
            }
        } catch (e) {
            if (e.unreachable) Outbox.reachable(false);
        }
        Outbox.sync('load');
        setInterval(() => {
            if (Outbox.online() && state.till) loadSetup();
        }, 5 * 60 * 1000);
        window.addEventListener('online', () => state.till && loadSetup());
    }

    start();
})();
