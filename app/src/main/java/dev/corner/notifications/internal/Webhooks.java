package dev.corner.notifications.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Role;
import dev.corner.common.SecretBox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makers and merchants subscribe an HTTPS endpoint to the events that concern them; each event is
 * queued once per subscription, signed, and retried until the endpoint takes it.
 */
@Service
class Webhooks {

    static final Set<String> EVENTS = Set.of(
            "device.registered",
            "device.deregistered",
            "slot.changed",
            "order.placed",
            "order.cancelled",
            "order.completed");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRecords records;
    private final SecretBox box;
    private final JsonMapper json;
    private final Clock clock;

    Webhooks(WebhookRecords records, SecretBox box, JsonMapper json, Clock clock) {
        this.records = records;
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    /** A new subscription, with its signing secret shown this once. */
    record Subscribed(String webhookId, String secret) {}

    @Transactional
    Subscribed subscribe(Caller caller, String url, List<String> events) {
        requireSubscriber(caller);
        var target = requireUrl(url);
        var wanted = new LinkedHashSet<String>();
        if (events != null) {
            for (var event : events) {
                if (!EVENTS.contains(event)) {
                    throw CornerException.invalid(
                            "INVALID_EVENT",
                            "events are any of "
                                    + String.join(", ", EVENTS.stream().sorted().toList()));
                }
                wanted.add(event);
            }
        }
        if (records.activeOf(caller.accountId()).size() >= 10) {
            throw CornerException.conflict("TOO_MANY_WEBHOOKS", "an account has at most 10 webhooks");
        }
        var raw = new byte[32];
        RANDOM.nextBytes(raw);
        var secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var id = Ids.next("wh");
        records.insert(new WebhookRecords.Webhook(
                id,
                caller.accountId(),
                target,
                wanted,
                box.seal(secret.getBytes(StandardCharsets.UTF_8)),
                clock.instant()));
        return new Subscribed(id, secret);
    }

    @Transactional(readOnly = true)
    List<WebhookRecords.Webhook> mine(Caller caller) {
        requireSubscriber(caller);
        return records.activeOf(caller.accountId());
    }

    @Transactional
    void remove(Caller caller, String webhookId) {
        records.deactivate(requireOwn(caller, webhookId).id());
    }

    @Transactional(readOnly = true)
    List<WebhookRecords.Delivery> deliveries(Caller caller, String webhookId, int limit) {
        if (limit < 1 || limit > 500) {
            throw CornerException.invalid("INVALID_LIMIT", "limit is 1 to 500");
        }
        return records.log(requireOwn(caller, webhookId).id(), limit);
    }

    @Transactional
    void replay(Caller caller, String webhookId, String deliveryId) {
        var hook = requireOwn(caller, webhookId);
        var delivery = records.delivery(hook.id(), deliveryId)
                .orElseThrow(() -> CornerException.notFound("DELIVERY_NOT_FOUND", "no delivery " + deliveryId));
        records.replay(delivery.id(), clock.instant());
    }

    /** Queues an event for every subscription of {@code owner} that wants it. */
    @Transactional
    void publish(AccountId owner, String type, String eventId, Map<String, Object> data) {
        publish(type, eventId, Map.of(owner, data));
    }

    /**
     * Queues one event for several owners, each with its own data, for every subscription of theirs
     * that wants it; their subscriptions are read at once.
     */
    @Transactional
    void publish(String type, String eventId, Map<AccountId, Map<String, Object>> dataByOwner) {
        publishAll(List.of(new Publication(type, eventId, dataByOwner)));
    }

    /** An event to queue: its type, its id, and its data for each owner who may hear of it. */
    record Publication(String type, String eventId, Map<AccountId, Map<String, Object>> dataByOwner) {}

    /** Queues several events as {@link #publish} queues one; the owners' subscriptions are read once for all. */
    @Transactional
    void publishAll(List<Publication> publications) {
        var owners = publications.stream()
                .flatMap(p -> p.dataByOwner().keySet().stream())
                .collect(java.util.stream.Collectors.toSet());
        if (owners.isEmpty()) {
            return;
        }
        var hooks = records.activeOf(owners);
        if (hooks.isEmpty()) {
            return;
        }
        var now = clock.instant();
        for (var publication : publications) {
            var payloads = new HashMap<AccountId, String>();
            for (var hook : hooks) {
                var data = publication.dataByOwner().get(hook.owner());
                if (data == null || !hook.wants(publication.type())) {
                    continue;
                }
                var payload = payloads.computeIfAbsent(hook.owner(), owner -> {
                    var envelope = new LinkedHashMap<String, Object>();
                    envelope.put("id", publication.eventId());
                    envelope.put("type", publication.type());
                    envelope.put("createdAt", now.toString());
                    envelope.put("data", data);
                    return json.writeValueAsString(envelope);
                });
                records.enqueue(hook.id(), publication.eventId(), publication.type(), payload, now);
            }
        }
    }

    String secretOf(WebhookRecords.Webhook hook) {
        return new String(box.open(hook.sealedSecret()), StandardCharsets.UTF_8);
    }

    private WebhookRecords.Webhook requireOwn(Caller caller, String webhookId) {
        requireSubscriber(caller);
        return records.find(Ids.requireValid(webhookId, "webhookId"))
                .filter(h -> caller.is(h.owner()))
                .orElseThrow(() -> CornerException.notFound("WEBHOOK_NOT_FOUND", "no webhook " + webhookId));
    }

    private static void requireSubscriber(Caller caller) {
        if (caller.role() != Role.MAKER && caller.role() != Role.MERCHANT) {
            throw CornerException.forbidden("ROLE_REQUIRED", "webhooks are for makers and merchants");
        }
    }

    private static String requireUrl(String url) {
        try {
            var uri = URI.create(url == null ? "" : url.strip());
            var scheme = uri.getScheme();
            if (url.length() > 2000
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw CornerException.invalid("INVALID_URL", "a webhook needs an absolute http(s) URL without credentials");
        }
    }
}
