package dev.corner.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends due webhook deliveries. Each is a {@code POST} of the event as JSON, signed with the
 * subscription's secret: {@code X-Corner-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}. A 2xx answer delivers it; anything else is tried again after 10 s, 20 s, 40 s …
 * up to {@code corner.webhooks.max-attempts}, then it is FAILED (and can be replayed).
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookRecords records;
    private final Webhooks webhooks;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final HttpClient http;

    WebhookSender(
            WebhookRecords records,
            Webhooks webhooks,
            Clock clock,
            @Value("${corner.webhooks.max-attempts}") int maxAttempts,
            @Value("${corner.webhooks.first-retry}") Duration firstRetry) {
        this.records = records;
        this.webhooks = webhooks;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${corner.webhooks.poll}")
    @Transactional
    void sendDue() {
        for (var delivery : records.claimDue(clock.instant(), 20)) {
            var hook = records.find(delivery.webhookId());
            if (hook.isEmpty()) {
                records.failed(delivery.id(), null, "webhook removed", clock.instant(), true);
                continue;
            }
            Integer status = null;
            String error;
            try {
                var timestamp = String.valueOf(clock.instant().getEpochSecond());
                var request = HttpRequest.newBuilder(URI.create(hook.get().url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Corner-Webhooks/1")
                        .header("X-Corner-Event", delivery.type())
                        .header("X-Corner-Delivery", delivery.id())
                        .header(
                                "X-Corner-Signature",
                                "t=" + timestamp + ",v1="
                                        + sign(webhooks.secretOf(hook.get()), timestamp + "." + delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    records.delivered(delivery.id(), status, clock.instant());
                    continue;
                }
                error = "answered HTTP " + status;
            } catch (IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int attempt = delivery.attempts() + 1;
            var givenUp = attempt >= maxAttempts;
            var retryAt = clock.instant().plus(firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20)));
            records.failed(delivery.id(), status, error, retryAt, givenUp);
            log.info(
                    "Webhook delivery {} failed (attempt {}{}): {}",
                    delivery.id(),
                    attempt,
                    givenUp ? ", given up" : "",
                    error);
        }
    }

    static String sign(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
