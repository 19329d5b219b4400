package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.internal.DeviceAuthentication.Refused;
import java.time.Instant;

/**
 * The nonce of a request that passed every other check of {@link DeviceAuthentication} and is not
 * remembered yet. A press remembers it in its own transaction, so that it commits once; whatever
 * else happens to the request, the nonce is remembered before the request is answered (or, if it
 * turns out to be reused, the request is refused and nothing it did stays).
 *
 * <p>A press's claim may also carry its signature unchecked: the press line checks the signatures of
 * a batch of presses with one read of their devices (see {@link
 * DeviceAuthentication#checkSignatures}). A claim whose signature fails is refused: nothing is
 * remembered for it and its request is answered with the refusal.
 */
public final class NonceClaim {

    /** Where the claim stands; only {@code OPEN} may still change. */
    public enum State {
        OPEN,
        REMEMBERED,
        REUSED,
        REFUSED
    }

    /** What the device signed, and the signature it sent with it. */
    record Signature(String canonical, String presented) {}

    private final DeviceId device;
    private final String nonce;
    private final Instant at;
    private volatile Signature unchecked;
    private volatile Refused refusal;
    private volatile State state = State.OPEN;

    NonceClaim(DeviceId device, String nonce, Instant at) {
        this(device, nonce, at, null);
    }

    NonceClaim(DeviceId device, String nonce, Instant at, Signature unchecked) {
        this.device = device;
        this.nonce = nonce;
        this.at = at;
        this.unchecked = unchecked;
    }

    /** The device the request names: authenticated once the signature is checked. */
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

    /** The signature still to check, or null once it has been (or there was none to check). */
    Signature unchecked() {
        return unchecked;
    }

    /** Why the request is refused, once its signature failed; else null. */
    Refused refusal() {
        return refusal;
    }

    /** The nonce was used before: thrown to roll back the transaction that tried to remember it. */
    public static final class Reused extends RuntimeException {
        public Reused() {
            super(null, null, false, false);
        }
    }

    /** Called once the transaction that remembered the nonce committed, or found it used. */
    void settle(State outcome) {
        state = outcome;
    }

    /** The signature was checked: right, or (with the refusal) not. */
    synchronized void signatureChecked(Refused refused) {
        if (refused != null) {
            refusal = refused;
            state = State.REFUSED;
        }
        unchecked = null;
    }
}
