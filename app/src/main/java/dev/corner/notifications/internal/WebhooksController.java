package dev.corner.notifications.internal;

import dev.corner.common.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksController {

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record Subscribe(String url, List<String> events) {}

    record WebhookJson(String webhookId, String url, Set<String> events, Instant createdAt) {}

    record WebhookList(List<WebhookJson> webhooks) {}

    record DeliveryJson(
            String deliveryId,
            String eventId,
            String type,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    record DeliveryList(List<DeliveryJson> deliveries) {}

    /** The secret is in this answer only; Corner keeps it sealed. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Webhooks.Subscribed subscribe(Caller caller, @RequestBody Subscribe request) {
        return webhooks.subscribe(caller, request.url(), request.events());
    }

    @GetMapping
    WebhookList mine(Caller caller) {
        return new WebhookList(webhooks.mine(caller).stream()
                .map(h -> new WebhookJson(h.id(), h.url(), h.events(), h.createdAt()))
                .toList());
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String webhookId) {
        webhooks.remove(caller, webhookId);
    }

    @GetMapping("/{webhookId}/deliveries")
    DeliveryList deliveries(
            Caller caller, @PathVariable String webhookId, @RequestParam(defaultValue = "50") int limit) {
        return new DeliveryList(webhooks.deliveries(caller, webhookId, limit).stream()
                .map(d -> new DeliveryJson(
                        d.id(),
                        d.eventId(),
                        d.type(),
                        d.status(),
                        d.attempts(),
                        d.lastStatusCode(),
                        d.lastError(),
                        d.createdAt(),
                        d.nextAttemptAt(),
                        d.deliveredAt()))
                .toList());
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void replay(Caller caller, @PathVariable String webhookId, @PathVariable String deliveryId) {
        webhooks.replay(caller, webhookId, deliveryId);
    }
}
