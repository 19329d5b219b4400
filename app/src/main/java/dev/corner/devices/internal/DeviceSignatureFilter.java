package dev.corner.devices.internal;

import dev.corner.common.web.CachedBodyRequest;
import dev.corner.common.web.ProblemWriter;
import dev.corner.devices.DeviceId;
import dev.corner.devices.internal.DeviceRecords.Status;
import dev.corner.devices.model.DeviceSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Device protocol v1 authentication. A request is let through only if the device is known and not
 * revoked, the signature over method, path, timestamp, nonce and body is right, the timestamp is
 * within the window of the server clock, and the nonce is new. Otherwise it answers 401 and writes
 * nothing: the nonce is remembered only once everything else has passed.
 */
class DeviceSignatureFilter extends OncePerRequestFilter {

    static final String DEVICE_ATTRIBUTE = "dev.corner.devices.authenticatedDevice";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final DeviceRecords records;
    private final DeviceSecrets secrets;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration window;

    DeviceSignatureFilter(
            DeviceRecords records, DeviceSecrets secrets, ProblemWriter problems, Clock clock, Duration window) {
        this.records = records;
        this.secrets = secrets;
        this.problems = problems;
        this.clock = clock;
        this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "BODY_TOO_LARGE",
                    "a device request body is at most 64 KiB");
            return;
        }
        var deviceHeader = request.getHeader("X-Corner-Device");
        var timestamp = request.getHeader("X-Corner-Timestamp");
        var nonce = request.getHeader("X-Corner-Nonce");
        var signature = request.getHeader("X-Corner-Signature");
        if (deviceHeader == null || timestamp == null || nonce == null || signature == null) {
            refuse(response, "MISSING_SIGNATURE", "X-Corner-Device, -Timestamp, -Nonce and -Signature are required");
            return;
        }
        if (!deviceHeader.matches("[A-Za-z0-9._:-]{1,64}")) {
            refuse(response, "UNKNOWN_DEVICE", "unknown or revoked device");
            return;
        }
        var device = records.device(new DeviceId(deviceHeader)).filter(d -> d.status() != Status.REVOKED);
        if (device.isEmpty()) {
            refuse(response, "UNKNOWN_DEVICE", "unknown or revoked device");
            return;
        }
        var path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        var canonical = DeviceSignature.canonical(request.getMethod(), path, timestamp, nonce, body);
        if (!DeviceSignature.verify(secrets.open(device.get().sealedSecret()), canonical, signature)) {
            refuse(response, "BAD_SIGNATURE", "the signature does not match the request");
            return;
        }
        var now = clock.instant();
        if (!timestamp.matches("\\d{1,12}")
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now)
                                .abs()
                                .compareTo(window)
                        > 0) {
            refuse(
                    response,
                    "STALE_TIMESTAMP",
                    "the timestamp is more than " + window.toSeconds() + " s from server time");
            return;
        }
        if (nonce.length() < 16 || nonce.length() > 64 || !nonce.matches("[\\x21-\\x7e]+")) {
            refuse(response, "BAD_NONCE", "the nonce must be 16 to 64 printable characters");
            return;
        }
        if (!records.rememberNonce(device.get().id(), nonce, now)) {
            refuse(response, "NONCE_REUSED", "this nonce was used before");
            return;
        }
        request.setAttribute(DEVICE_ATTRIBUTE, device.get().id());
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response, String code, String detail) throws IOException {
        problems.write(response, HttpStatus.UNAUTHORIZED, code, detail);
    }
}
