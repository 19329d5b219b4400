package dev.corner.common.web;

import dev.corner.common.Caller;
import dev.corner.common.Digests;
import dev.corner.common.SqlTime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any authenticated {@code POST /api/**}: the same key with the same body
 * gets the first answer again, without doing anything twice; the same key with another body is
 * refused with 409. Keys belong to the calling account and are kept for 24 hours. A request that
 * failed on our side (5xx) does not keep its key, so the client can retry it.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT = Duration.ofHours(24);
    // A claim with no answer this long after it was made belongs to a request that died with its
    // node; the key is free again rather than stuck for a day.
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private record Stored(String requestHash, Integer status, String contentType, byte[] body) {}

    private final JdbcClient jdbc;
    private final ProblemWriter problems;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        var key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 200 || !key.matches("[\\x21-\\x7e]+")) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1 to 200 printable characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", "a request body is at most 1 MiB");
            return;
        }
        var owner = caller.accountId().value();
        var requestHash = hash(request.getRequestURI(), body);
        if (!claim(owner, key, requestHash)) {
            answerFromEarlier(response, find(owner, key), requestHash);
            return;
        }
        var recorder = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorder);
            if (recorder.getStatus() < 500) {
                complete(owner, key, recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                release(owner, key);
            }
            recorder.copyBodyToResponse();
        }
    }

    private void answerFromEarlier(HttpServletResponse response, Optional<Stored> earlier, String requestHash)
            throws IOException {
        if (earlier.isEmpty() || earlier.get().status() == null) {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_IN_USE",
                    "a request with this Idempotency-Key is still running");
        } else if (!earlier.get().requestHash().equals(requestHash)) {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was used with another request");
        } else {
            response.setStatus(earlier.get().status());
            if (earlier.get().contentType() != null) {
                response.setContentType(earlier.get().contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(earlier.get().body());
        }
    }

    private boolean claim(String owner, String key, String requestHash) {
        return jdbc.sql("""
                                insert into common_idempotency_keys (owner, idempotency_key, request_hash, created_at)
                                values (:owner, :key, :hash, :at)
                                on conflict (owner, idempotency_key) do update
                                set request_hash = excluded.request_hash, created_at = excluded.created_at
                                where common_idempotency_keys.status is null
                                  and common_idempotency_keys.created_at < :abandoned""")
                        .param("owner", owner)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("at", SqlTime.utc(clock.instant()))
                        .param("abandoned", SqlTime.utc(clock.instant().minus(ABANDONED)))
                        .update()
                == 1;
    }

    private Optional<Stored> find(String owner, String key) {
        return jdbc.sql("""
                        select request_hash, status, content_type, body from common_idempotency_keys
                        where owner = :owner and idempotency_key = :key""")
                .param("owner", owner)
                .param("key", key)
                .query((rs, n) ->
                        new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private void complete(String owner, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        update common_idempotency_keys set status = :status, content_type = :type, body = :body
                        where owner = :owner and idempotency_key = :key""")
                .param("status", status)
                .param("type", contentType)
                .param("body", body)
                .param("owner", owner)
                .param("key", key)
                .update();
    }

    private void release(String owner, String key) {
        jdbc.sql("delete from common_idempotency_keys where owner = :owner and idempotency_key = :key")
                .param("owner", owner)
                .param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldKeys() {
        jdbc.sql("delete from common_idempotency_keys where created_at < :cutoff")
                .param("cutoff", SqlTime.utc(clock.instant().minus(KEPT)))
                .update();
    }

    private static String hash(String path, byte[] body) {
        return Digests.sha256Hex(path + "\n" + Digests.sha256Hex(body));
    }
}
