package dev.corner.devices.internal;

import dev.corner.common.web.CachedBodyRequest;
import dev.corner.common.web.ProblemWriter;
import dev.corner.devices.internal.DeviceAuthentication.Authenticated;
import dev.corner.devices.internal.DeviceAuthentication.Refused;
import dev.corner.devices.internal.DeviceAuthentication.SignedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Device protocol v1 over HTTP: reads the signature headers and the body, and lets the request
 * through only if {@link DeviceAuthentication} accepts it; otherwise answers its refusal (401, or
 * 413 for a body too large) and writes nothing.
 */
class DeviceSignatureFilter extends OncePerRequestFilter {

    static final String DEVICE_ATTRIBUTE = "dev.corner.devices.authenticatedDevice";
    static final String NONCE_ATTRIBUTE = "dev.corner.devices.nonceClaim";

    private final DeviceAuthentication authentication;
    private final ProblemWriter problems;

    DeviceSignatureFilter(DeviceAuthentication authentication, ProblemWriter problems) {
        this.authentication = authentication;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(DeviceAuthentication.MAX_BODY_BYTES + 1);
        var path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        var signed = new SignedRequest(
                request.getHeader("X-Corner-Device"),
                request.getMethod(),
                path,
                request.getHeader("X-Corner-Timestamp"),
                request.getHeader("X-Corner-Nonce"),
                request.getHeader("X-Corner-Signature"),
                body);
        var press = DeviceProtocol.isPress(request.getMethod(), path);
        var outcome = press ? authentication.checkLater(signed) : authentication.authenticate(signed);
        if (outcome instanceof Refused refused) {
            problems.write(response, refused.status(), refused.code(), refused.detail());
            return;
        }
        var authenticated = (Authenticated) outcome;
        request.setAttribute(DEVICE_ATTRIBUTE, authenticated.device());
        request.setAttribute(NONCE_ATTRIBUTE, authenticated.nonce());
        if (!press) {
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        // A press's signature is checked in its batch, and its nonce remembered in its own
        // transaction. One that never got there (a body that is not JSON, say) must not be answered
        // before both are settled: a wrong signature or a reused nonce is refused whatever the
        // request was, so the answer waits here until the claim is settled.
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (authentication.settle(authenticated.nonce()).isEmpty()) {
                throw failure;
            }
        }
        // An answer sent already (an error the container sent at once) cannot be taken back; nothing
        // was done for it either way.
        var refusal = authentication.settle(authenticated.nonce());
        if (refusal.isPresent() && !answer.isCommitted()) {
            answer.reset();
            problems.write(
                    answer,
                    refusal.get().status(),
                    refusal.get().code(),
                    refusal.get().detail());
        }
        answer.copyBodyToResponse();
    }
}
