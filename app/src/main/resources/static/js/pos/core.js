/*
 * Corner POS, part 1 of 3: money, local storage and the API client.
 *
 * The API (/api/**) takes bearer tokens only. The page asks for one with its session cookie and CSRF
 * token at POST /web/token and keeps it in sessionStorage (this tab only, gone when the tab closes);
 * never in localStorage, which every tab and every later visitor of this browser profile could read.
 */
(function () {
    'use strict';

    const Pos = (window.CornerPos = window.CornerPos || {});

    // ---- Money: integer minor units and a currency, as the API has them ----

    const formats = new Map();

    function format(currency) {
        if (!formats.has(currency)) {
            formats.set(currency, new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency }));
        }
        return formats.get(currency);
    }

    function digits(currency) {
        return format(currency).resolvedOptions().maximumFractionDigits;
    }

    const Money = {
        of(amount, currency) {
            return { amount: amount, currency: currency };
        },
        text(money) {
            if (!money) return '';
            const scale = Math.pow(10, digits(money.currency));
            return format(money.currency).format(money.amount / scale);
        },
        /** "12", "12.5", "12,50" → minor units; null when it is not an amount. Never through a float. */
        parse(text, currency) {
            if (text == null) return null;
            const clean = String(text).trim().replace(/\s/g, '');
            if (clean === '') return null;
            const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(clean);
            if (!match) return null;
            const places = digits(currency);
            const fraction = match[2] || '';
            if (fraction.length > places) return null;
            const minor = (fraction + '0'.repeat(places)).slice(0, places);
            return Number(match[1]) * Math.pow(10, places) + Number(minor || 0);
        },
        /** Minor units as a plain number for an input field: 1250 → "12.50". */
        plain(amount, currency) {
            const places = digits(currency);
            if (places === 0) return String(amount);
            const scale = Math.pow(10, places);
            const sign = amount < 0 ? '-' : '';
            const abs = Math.abs(amount);
            return sign + Math.floor(abs / scale) + '.' + String(abs % scale).padStart(places, '0');
        },
        /** Notes a customer might hand over for this amount: the next round figures above it. */
        suggestions(amount, currency) {
            const unit = Math.pow(10, digits(currency));
            const out = [amount];
            for (const step of [1, 5, 10, 20, 50, 100]) {
                const next = Math.ceil(amount / (step * unit)) * step * unit;
                if (next > amount && !out.includes(next)) out.push(next);
                if (out.length >= 5) break;
            }
            return out;
        },
    };

    // ---- Local storage: JSON values under one prefix ----

    const PREFIX = 'corner.pos.';

    const Store = {
        get(key, fallback) {
            try {
                const raw = window.localStorage.getItem(PREFIX + key);
                return raw == null ? fallback : JSON.parse(raw);
            } catch (e) {
                return fallback;
            }
        },
        set(key, value) {
            window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
        },
        remove(key) {
            window.localStorage.removeItem(PREFIX + key);
        },
    };

    /** Ids made on the register, unique without asking the server: prefix, time in ms, 30 random bits. */
    function newId(prefix) {
        const random = new Uint32Array(1);
        window.crypto.getRandomValues(random);
        const tail = (random[0] >>> 2).toString(36).padStart(6, '0');
        return (prefix + '-' + Date.now().toString(36) + '-' + tail).slice(0, 64);
    }

    // ---- The API client ----

    /** The server could not be reached, or gave no usable answer: what the register treats as offline. */
    class Unreachable extends Error {
        constructor(cause) {
            super('The server cannot be reached.');
            this.unreachable = true;
            this.cause = cause;
        }
    }

    /** The server answered with a refusal (application/problem+json). */
    class Refused extends Error {
        constructor(status, problem) {
            super((problem && (problem.detail || problem.title)) || 'Refused (' + status + ')');
            this.status = status;
            this.problem = problem || {};
            this.code = this.problem.code || 'HTTP_' + status;
        }
    }

    function meta(name) {
        const element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.content : null;
    }

    const TOKEN_KEY = PREFIX + 'token';
    const TIMEOUT_MS = 20000;
    let tokenRequest = null;

    function storedToken() {
        try {
            const token = JSON.parse(window.sessionStorage.getItem(TOKEN_KEY));
            if (token && Date.parse(token.expiresAt) > Date.now() + 60000) return token.token;
        } catch (e) {
            // fall through: ask for a new one
        }
        return null;
    }

    async function send(url, init) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
        try {
            return await fetch(url, Object.assign({ signal: controller.signal, credentials: 'same-origin' }, init));
        } catch (e) {
            throw new Unreachable(e);
        } finally {
            clearTimeout(timer);
        }
    }

    async function readProblem(response) {
        try {
            return await response.json();
        } catch (e) {
            return {};
        }
    }

    /** A bearer token for this session, asked for once per tab (and again when it was refused). */
    function token(fresh) {
        if (!fresh) {
            const kept = storedToken();
            if (kept) return Promise.resolve(kept);
        }
        if (!tokenRequest) {
            tokenRequest = (async () => {
                const headers = { Accept: 'application/json' };
                headers[meta('csrf-header')] = meta('csrf-token');
                const response = await send('/web/token', { method: 'POST', headers: headers, redirect: 'manual' });
                if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
                    throw new Refused(401, { code: 'SIGNED_OUT', detail: 'Signed out: sign in again to send sales.' });
                }
                if (response.status >= 500) throw new Unreachable(new Error('HTTP ' + response.status));
                if (!response.ok) throw new Refused(response.status, await readProblem(response));
                const issued = await response.json();
                window.sessionStorage.setItem(TOKEN_KEY, JSON.stringify(issued));
                return issued.token;
            })().finally(() => {
                tokenRequest = null;
            });
        }
        return tokenRequest;
    }

    /**
     * Calls the API. Answers the JSON body (or null); throws Unreachable when the server cannot be
     * reached or fails on its side (5xx), Refused when it answers with a problem.
     */
    async function call(method, path, body, options) {
        const extra = (options && options.headers) || {};
        let retried = false;
        for (;;) {
            const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, extra);
            headers.Authorization = 'Bearer ' + (await token(retried));
            const init = { method: method, headers: headers };
            if (body !== undefined) {
                headers['Content-Type'] = 'application/json';
                init.body = JSON.stringify(body);
            }
            const response = await send(path, init);
            if (response.status === 401 && !retried) {
                // The token expired or was revoked: ask for another once.
                window.sessionStorage.removeItem(TOKEN_KEY);
                retried = true;
                continue;
            }
            if (response.status >= 500 && response.status !== 502) {
                throw new Unreachable(new Error('HTTP ' + response.status));
            }
            if (extra['If-None-Match'] && response.status === 304) return { notModified: true };
            if (!response.ok) throw new Refused(response.status, await readProblem(response));
            if (response.status === 204) return null;
            const text = await response.text();
            const json = text ? JSON.parse(text) : null;
            return options && options.withEtag ? { body: json, etag: response.headers.get('ETag') } : json;
        }
    }

    /** A call to the web session itself (not the API): cookie and CSRF token, as a form would send them. */
    async function sessionCall(method, path, body) {
        const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
        headers[meta('csrf-header')] = meta('csrf-token');
        const init = { method: method, headers: headers, body: JSON.stringify(body), redirect: 'manual' };
        const response = await send(path, init);
        if (response.type === 'opaqueredirect') throw new Refused(401, { code: 'SIGNED_OUT', detail: 'Signed out.' });
        if (response.status >= 500) throw new Unreachable(new Error('HTTP ' + response.status));
        if (!response.ok) throw new Refused(response.status, await readProblem(response));
        return null;
    }

    Pos.Money = Money;
    Pos.Store = Store;
    Pos.newId = newId;
    Pos.Unreachable = Unreachable;
    Pos.Refused = Refused;
    Pos.meta = meta;
    Pos.api = {
        get: (path) => call('GET', path),
        /**
         * A GET that may answer "not modified": with the ETag of the copy kept, it answers
         * {notModified: true}, or {body, etag} with the new copy.
         */
        getIfChanged: (path, etag) =>
            call('GET', path, undefined, { headers: etag ? { 'If-None-Match': etag } : {}, withEtag: true }),
        post: (path, body, options) => call('POST', path, body, options),
        token: token,
        session: sessionCall,
    };
})();
