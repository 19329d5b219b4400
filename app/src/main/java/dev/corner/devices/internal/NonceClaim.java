package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import java.time.Instant;

/**
 * The nonce of a request that passed every other check of {@link DeviceAuthentication} and is not
 * remembered yet. A press remembers it in its own transaction, so that it commits once; whatever
 * else happens to the request, the nonce is remembered before the request is answered (or, if it
 * turns out to be reused, the request is refused and nothing it did stays).
 */
public final class NonceClaim {

    /** Where the claim stands; only {@code OPEN} may still change. */
    public enum State {
        OPEN,
        REMEMBERED,
        REUSED
    }

    private final DeviceId device;
    private final String nonce;
    private final Instant at;
    private volatile State state = State.OPEN;

    NonceClaim(DeviceId device, String nonce, Instant at) {
        this.device = device;
        this.nonce = nonce;
        this.at = at;
    }

    public DeviceId device() {
        return device;
    }

    String nonce() {
        return nonce;
    }

    Instant at() {
        return at;
    }

    public State state() {
        return state;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    public boolean isReused() {
        return state == State.REUSED;
    }

    /** The claimed nonce was used before: thrown to roll back the transaction that tried to remember it. */
    public static final class Reused extends RuntimeException {
        public Reused() {
            super(null, null, false, false);
        }
    }

    /** Called once the transaction that remembered the nonce committed, or found it used. */
    void settle(State outcome) {
        state = outcome;
    }
}
