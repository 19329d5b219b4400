/*
 * Corner POS, part 2 of 3: sales rung up, and cash paid in or out, while the server could not be
 * reached.
 *
 * Each is kept in localStorage, exactly as it will be sent, under its register-made saleId (or
 * movementId for cash), before the cashier sees it as done. It leaves the outbox only once the server has answered 201 for it (or
 * 409 SALE_ID_REUSED and the sale is found recorded), so a reload, a crash or a lost answer never
 * loses one; sending one twice is harmless because the server records a saleId once.
 *
 * Sending: when the browser says it is back online, when the page loads, every 15 s while anything
 * waits, and after a failure with back-off (1 s, 2 s, 4 s … 30 s). One tab sends at a time (Web Locks).
 */
(function () {
    'use strict';

    const Pos = window.CornerPos;
    const { Store, api } = Pos;

    const OUTBOX = 'outbox.v1';
    const SENT = 'sent.v1';
    const SENT_KEPT = 50;
    const PERIOD_MS = 15000;
    const MAX_BACKOFF_MS = 30000;

    const listeners = new Set();
    let running = null;
    let again = false;
    let failures = 0;
    let retryTimer = null;
    let reachable = navigator.onLine;
    let signedOut = false;

    function entries() {
        return Store.get(OUTBOX, []);
    }

    /** A sale waits under its saleId, a cash movement under its movementId. */
    function keyOf(entry) {
        return entry.saleId || entry.movementId;
    }

    function save(list) {
        Store.set(OUTBOX, list);
        notify();
    }

    function notify() {
        const state = Outbox.state();
        listeners.forEach((listener) => listener(state));
    }

    function remember(sent) {
        const list = Store.get(SENT, []);
        list.unshift(sent);
        Store.set(SENT, list.slice(0, SENT_KEPT));
    }

    function markReachable(value) {
        if (reachable !== value) {
            reachable = value;
            notify();
        }
    }

    function scheduleRetry() {
        clearTimeout(retryTimer);
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, Math.max(0, failures - 1)));
        retryTimer = setTimeout(() => Outbox.sync('retry'), delay);
    }

    /** Sends what waits, oldest first; stops at the first sign that the server is out of reach. */
    async function sendAll(manual) {
        for (const entry of entries()) {
            if (entry.state === 'attention' && !manual) continue;
            let answer;
            try {
                answer = await api.post(
                    entry.path || '/api/v1/stores/' + encodeURIComponent(entry.storeId) + '/sales', entry.body);
            } catch (e) {
                if (e.unreachable || e.status >= 500) {
                    failures++;
                    if (e.unreachable) markReachable(false);
                    update(keyOf(entry), { attempts: (entry.attempts || 0) + 1, lastError: e.message });
                    scheduleRetry();
                    return;
                }
                if (e.code === 'SIGNED_OUT') {
                    signedOut = true;
                    notify();
                    return;
                }
                if (entry.saleId && e.status === 409 && e.code === 'SALE_ID_REUSED') {
                    // A first send was recorded and its answer lost, with other content (it went out as an
                    // online sale before the register gave up on it): the server has the sale.
                    try {
                        answer = await api.get(
                            '/api/v1/stores/' + encodeURIComponent(entry.storeId)
                                + '/sales/' + encodeURIComponent(entry.saleId));
                    } catch (lookup) {
                        update(keyOf(entry), { state: 'attention', lastError: e.message });
                        continue;
                    }
                } else {
                    // Refused for a reason a retry will not mend (a removed register, lost rights):
                    // keep it and show it.
                    update(keyOf(entry), {
                        state: 'attention',
                        attempts: (entry.attempts || 0) + 1,
                        lastError: e.code + ': ' + e.message,
                    });
                    continue;
                }
            }
            failures = 0;
            signedOut = false;
            markReachable(true);
            done(entry, answer);
        }
    }

    /** Adds an entry once under its key, waiting to be sent. */
    function keep(entry) {
        const list = entries();
        if (!list.some((other) => keyOf(other) === keyOf(entry))) {
            list.push(Object.assign(entry, { createdAt: new Date().toISOString(), attempts: 0, state: 'pending' }));
            save(list);
        }
    }

    function update(key, patch) {
        save(entries().map((entry) => (keyOf(entry) === key ? Object.assign({}, entry, patch) : entry)));
    }

    function done(entry, answer) {
        if (entry.saleId) {
            remember({
                saleId: entry.saleId,
                storeId: entry.storeId,
                sentAt: new Date().toISOString(),
                total: answer && answer.total,
                flags: (answer && answer.flags) || [],
            });
        }
        save(entries().filter((other) => keyOf(other) !== keyOf(entry)));
        listeners.forEach((listener) => listener(Outbox.state(), { sent: keyOf(entry), answer: answer }));
    }

    const Outbox = {
        /** Keeps a sale to send later. Written before the cashier moves on, so a reload cannot lose it. */
        add(storeId, saleId, body, display) {
            keep({ storeId: storeId, saleId: saleId, body: body, display: display });
        },

        /**
         * Keeps a cash movement (paid in, paid out, no sale) to send later to {@code path}; the body
         * carries its register-made movementId, so sending it twice counts it once.
         */
        addCash(storeId, path, body, display) {
            keep({ storeId: storeId, movementId: body.movementId, path: path, body: body, display: display });
        },

        entries: entries,

        keyOf: keyOf,

        sent() {
            return Store.get(SENT, []);
        },

        state() {
            const list = entries();
            return {
                count: list.length,
                attention: list.filter((entry) => entry.state === 'attention').length,
                reachable: reachable && navigator.onLine,
                signedOut: signedOut,
                syncing: running !== null,
            };
        },

        /** Whether the register should sell online right now. */
        online() {
            return reachable && navigator.onLine;
        },

        /** After an online call failed or succeeded elsewhere in the page. */
        reachable(value) {
            markReachable(value);
            if (value) Outbox.sync('reachable');
        },

        subscribe(listener) {
            listeners.add(listener);
            listener(Outbox.state());
            return () => listeners.delete(listener);
        },

        /**
         * Sends what waits. Calls while a send runs are folded into one more pass after it, so two
         * triggers at once cannot send in parallel from this tab; other tabs wait for the lock.
         */
        sync(reason) {
            const manual = reason === 'manual';
            if (manual) failures = 0;
            if (running) {
                again = true;
                return running;
            }
            if (entries().length === 0) return Promise.resolve();
            clearTimeout(retryTimer);
            const pass = () => sendAll(manual);
            running = (navigator.locks ? navigator.locks.request('corner-pos-outbox', pass) : pass())
                .catch((e) => console.warn('sync failed', e))
                .finally(() => {
                    running = null;
                    notify();
                    if (again) {
                        again = false;
                        if (failures === 0) Outbox.sync('again');
                    }
                });
            notify();
            return running;
        },
    };

    window.addEventListener('online', () => {
        failures = 0;
        markReachable(true);
        Outbox.sync('online');
    });
    window.addEventListener('offline', () => markReachable(false));
    window.addEventListener('storage', (event) => {
        if (event.key && event.key.indexOf('corner.pos.' + OUTBOX) === 0) notify();
    });
    setInterval(() => {
        if (entries().length > 0 && failures === 0) Outbox.sync('periodic');
    }, PERIOD_MS);

    Pos.Outbox = Outbox;
})();
