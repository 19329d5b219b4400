package dev.corner.devices.internal;

import dev.corner.common.CornerException;
import dev.corner.common.Digests;
import dev.corner.common.Ids;
import dev.corner.devices.DeviceId;
import dev.corner.devices.internal.DeviceRecords.Device;
import dev.corner.devices.internal.DeviceRecords.Status;
import dev.corner.devices.model.DeviceSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Device protocol v1 authentication, whatever carried the request (HTTP headers or an MQTT
 * envelope). A request passes only if the device is known and not revoked, the signature over
 * method, path, timestamp, nonce and body is right, the timestamp is within the window of the server
 * clock, and the nonce is new. The nonce is remembered only once everything else has passed, so a
 * refused request writes nothing.
 */
@Component
public class DeviceAuthentication {

    /** The largest body a device may send, over any transport. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7e]+");

    private final DeviceRecords records;
    private final DeviceSecrets secrets;
    private final Clock clock;
    private final Duration window;

    DeviceAuthentication(
            DeviceRecords records,
            DeviceSecrets secrets,
            Clock clock,
            @Value("${corner.devices.signature-window}") Duration window) {
        this.records = records;
        this.secrets = secrets;
        this.clock = clock;
        this.window = window;
    }

    /** What a device sent, as signed: {@code pathWithQuery} is the path with its query string, if any. */
    public record SignedRequest(
            String deviceId,
            String method,
            String pathWithQuery,
            String timestamp,
            String nonce,
            String signature,
            byte[] body) {}

    /** Either the authenticated device, or why the request is refused. */
    public sealed interface Outcome {}

    /**
     * The device, and the request's nonce: remembered already, or (from {@link #check}) still to be
     * remembered by the caller.
     */
    public record Authenticated(DeviceId device, NonceClaim nonce) implements Outcome {}

    public record Refused(HttpStatus status, String code, String detail) implements Outcome {
        /** The nonce was seen before: a replay, or a message the transport delivered twice. */
        public boolean nonceReused() {
            return NONCE_REUSED.equals(code);
        }

        /** The refusal of a request that got past the transport's checks (always a 401). */
        public CornerException exception() {
            return new CornerException(CornerException.Kind.UNAUTHORIZED, code, detail);
        }
    }

    static final String NONCE_REUSED = "NONCE_REUSED";

    /** Authenticates the request and remembers its nonce in a transaction of its own. */
    public Outcome authenticate(SignedRequest request) {
        var outcome = check(request);
        if (outcome instanceof Authenticated authenticated && !remember(authenticated.nonce())) {
            return nonceReused();
        }
        return outcome;
    }

    /**
     * Every check but whether the nonce is new: the caller must remember the {@link NonceClaim} of an
     * authenticated request before it answers it, in the transaction that does the request's work (a
     * press does, see {@link dev.corner.devices.Pressing}) or with {@link #settle} if that never
     * happened.
     */
    public Outcome check(SignedRequest request) {
        var refused = beforeDevice(request);
        if (refused != null) {
            return refused;
        }
        var device = records.device(new DeviceId(request.deviceId()));
        refused = signatureRefusal(device.orElse(null), canonical(request), request.signature());
        if (refused != null) {
            return refused;
        }
        var now = clock.instant();
        refused = afterDevice(request, now);
        if (refused != null) {
            return refused;
        }
        var id = device.get().id();
        return new Authenticated(id, new NonceClaim(id, request.nonce(), now));
    }

    /**
     * As {@link #check}, but for a press: its signature is left unchecked in its claim, for the press
     * line to check with those of the other presses in its batch ({@link #checkSignatures}), so that
     * a press does not read its device on its own. A request that fails any of the other checks is
     * checked in full, and gets the answer {@link #check} gives.
     */
    public Outcome checkLater(SignedRequest request) {
        var now = clock.instant();
        if (beforeDevice(request) != null || afterDevice(request, now) != null) {
            return check(request);
        }
        var id = new DeviceId(request.deviceId());
        return new Authenticated(
                id,
                new NonceClaim(
                        id, request.nonce(), now, new NonceClaim.Signature(canonical(request), request.signature())));
    }

    /**
     * Checks the signatures left unchecked in these claims, with one read of their devices: each
     * claim is then either checked, or refused ({@code UNKNOWN_DEVICE}, {@code BAD_SIGNATURE}) with
     * nothing remembered for it.
     */
    void checkSignatures(Collection<NonceClaim> claims) {
        var unchecked = claims.stream()
                .filter(claim -> claim != null && claim.unchecked() != null)
                .toList();
        if (unchecked.isEmpty()) {
            return;
        }
        var devices = records.devices(unchecked.stream().map(NonceClaim::device).collect(Collectors.toSet()));
        for (var claim : unchecked) {
            var signature = claim.unchecked();
            claim.signatureChecked(
                    signatureRefusal(devices.get(claim.device()), signature.canonical(), signature.presented()));
        }
    }

    /**
     * Settles a claim before its request is answered: checks its signature if that is still to do,
     * then remembers its nonce if still open. Answers why the request is refused after all (its
     * signature failed, or its nonce was used before), or empty if it is not.
     */
    public Optional<Refused> settle(NonceClaim claim) {
        checkSignatures(List.of(claim));
        if (claim.refusal() != null) {
            return Optional.of(claim.refusal());
        }
        return remember(claim) ? Optional.empty() : Optional.of(nonceReused());
    }

    /** What no device needs to be read for: the body's size, the headers, and the id's form. */
    private static Refused beforeDevice(SignedRequest request) {
        if (request.body() != null && request.body().length > MAX_BODY_BYTES) {
            return new Refused(
                    HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", "a device request body is at most 64 KiB");
        }
        if (request.deviceId() == null
                || request.timestamp() == null
                || request.nonce() == null
                || request.signature() == null) {
            return refused("MISSING_SIGNATURE", "X-Corner-Device, -Timestamp, -Nonce and -Signature are required");
        }
        if (!Ids.valid(request.deviceId())) {
            return unknownDevice();
        }
        return null;
    }

    /** The timestamp's window and the nonce's form, checked once the signature is right. */
    private Refused afterDevice(SignedRequest request, Instant now) {
        var timestamp = request.timestamp();
        if (!TIMESTAMP.matcher(timestamp).matches()
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now)
                                .abs()
                                .compareTo(window)
                        > 0) {
            return refused(
                    "STALE_TIMESTAMP", "the timestamp is more than " + window.toSeconds() + " s from server time");
        }
        var nonce = request.nonce();
        if (nonce.length() < 16 || nonce.length() > 64 || !NONCE.matcher(nonce).matches()) {
            return refused("BAD_NONCE", "the nonce must be 16 to 64 printable characters");
        }
        return null;
    }

    private static String canonical(SignedRequest request) {
        return DeviceSignature.canonical(
                request.method(),
                request.pathWithQuery(),
                request.timestamp(),
                request.nonce(),
                request.body() == null ? new byte[0] : request.body());
    }

    /** Null if the device is known, not revoked, and signed this; else why not. */
    private Refused signatureRefusal(Device device, String canonical, String presented) {
        if (device == null || device.status() == Status.REVOKED) {
            return unknownDevice();
        }
        if (!DeviceSignature.verify(secrets.open(device.sealedSecret()), canonical, presented)) {
            return refused("BAD_SIGNATURE", "the signature does not match the request");
        }
        return null;
    }

    private static Refused unknownDevice() {
        return refused("UNKNOWN_DEVICE", "unknown or revoked device");
    }

    /**
     * Remembers the claimed nonce now, in a transaction of its own: false if the device used it
     * before. The claim's signature must have been checked ({@link #settle} does both).
     */
    private boolean remember(NonceClaim claim) {
        if (claim.unchecked() != null) {
            throw new IllegalStateException("a nonce is remembered only once its signature is checked");
        }
        if (claim.isOpen()) {
            claim.settle(
                    records.rememberNonce(claim.device(), claim.nonce(), claim.at())
                            ? NonceClaim.State.REMEMBERED
                            : NonceClaim.State.REUSED);
        }
        return !claim.isReused();
    }

    /** The refusal of a request whose nonce was used before. */
    public static Refused nonceReused() {
        return refused(NONCE_REUSED, "this nonce was used before");
    }

    /**
     * Whether a known, unrevoked device presents its broker password (see {@link
     * DeviceSignature#brokerPassword}); compared in constant time.
     */
    public boolean brokerPasswordMatches(String deviceId, String password) {
        if (deviceId == null || password == null || !Ids.valid(deviceId)) {
            return false;
        }
        return records.device(new DeviceId(deviceId))
                .filter(d -> d.status() != Status.REVOKED)
                .map(d -> Digests.same(
                        DeviceSignature.brokerPassword(secrets.open(d.sealedSecret()), deviceId), password.strip()))
                .orElse(false);
    }

    private static Refused refused(String code, String detail) {
        return new Refused(HttpStatus.UNAUTHORIZED, code, detail);
    }
}
