package dev.corner.notifications.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Ids;
import dev.corner.common.SqlTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions and their delivery log. */
@Repository
class WebhookRecords {

    record Webhook(String id, AccountId owner, String url, Set<String> events, byte[] sealedSecret, Instant createdAt) {
        boolean wants(String type) {
            return events.isEmpty() || events.contains(type);
        }
    }

    record Delivery(
            String id,
            String webhookId,
            String eventId,
            String type,
            String payload,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    private final JdbcClient jdbc;

    WebhookRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Webhook hook) {
        jdbc.sql("""
                        insert into notification_webhooks (id, owner_id, url, events, sealed_secret, active, created_at)
                        values (:id, :owner, :url, :events, :secret, true, :at)""")
                .param("id", hook.id())
                .param("owner", hook.owner().value())
                .param("url", hook.url())
                .param("events", String.join(",", hook.events()))
                .param("secret", hook.sealedSecret())
                .param("at", SqlTime.utc(hook.createdAt()))
                .update();
    }

    private static Webhook webhook(java.sql.ResultSet rs) throws java.sql.SQLException {
        var events = rs.getString("events");
        return new Webhook(
                rs.getString("id"),
                new AccountId(rs.getString("owner_id")),
                rs.getString("url"),
                events.isEmpty() ? Set.of() : Arrays.stream(events.split(",")).collect(Collectors.toSet()),
                rs.getBytes("sealed_secret"),
                SqlTime.instant(rs, "created_at"));
    }

    List<Webhook> activeOf(AccountId owner) {
        return activeOf(List.of(owner));
    }

    /** The active webhooks of several owners, in one query. */
    List<Webhook> activeOf(java.util.Collection<AccountId> owners) {
        return jdbc.sql("""
                        select * from notification_webhooks where owner_id = any(cast(:owners as varchar[])) and active
                        order by created_at, id""")
                .param(
                        "owners",
                        owners.stream().map(AccountId::value).distinct().toArray(String[]::new))
                .query((rs, n) -> webhook(rs))
                .list();
    }

    Optional<Webhook> find(String id) {
        return jdbc.sql("select * from notification_webhooks where id = :id and active")
                .param("id", id)
                .query((rs, n) -> webhook(rs))
                .optional();
    }

    void deactivate(String id) {
        jdbc.sql("update notification_webhooks set active = false where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("update notification_webhook_deliveries set status = 'FAILED', last_error = 'webhook removed'"
                        + " where webhook_id = :id and status = 'PENDING'")
                .param("id", id)
                .update();
    }

    /** Queues the event for the webhook; an event already queued for it is not queued again. */
    void enqueue(String webhookId, String eventId, String type, String payload, Instant at) {
        jdbc.sql("""
                        insert into notification_webhook_deliveries (id, webhook_id, event_id, event_type, payload, status,
                                                                     created_at, next_attempt_at)
                        values (:id, :hook, :event, :type, :payload, 'PENDING', :at, :at)
                        on conflict (webhook_id, event_id) do nothing""")
                .param("id", Ids.next("whd"))
                .param("hook", webhookId)
                .param("event", eventId)
                .param("type", type)
                .param("payload", payload)
                .param("at", SqlTime.utc(at))
                .update();
    }

    private static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getString("webhook_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "next_attempt_at"),
                SqlTime.instant(rs, "delivered_at"));
    }

    /** Due deliveries, claimed for this transaction: another node skips them. */
    List<Delivery> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from notification_webhook_deliveries where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at limit :limit for update skip locked""")
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    List<Delivery> log(String webhookId, int limit) {
        return jdbc.sql("""
                        select * from notification_webhook_deliveries where webhook_id = :hook
                        order by created_at desc, id desc limit :limit""")
                .param("hook", webhookId)
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    Optional<Delivery> delivery(String webhookId, String deliveryId) {
        return jdbc.sql("select * from notification_webhook_deliveries where webhook_id = :hook and id = :id")
                .param("hook", webhookId)
                .param("id", deliveryId)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    void delivered(String id, int statusCode, Instant at) {
        jdbc.sql("""
                        update notification_webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1,
                               last_status_code = :code, last_error = null, delivered_at = :at where id = :id""")
                .param("code", statusCode)
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    void failed(String id, Integer statusCode, String error, Instant retryAt, boolean givenUp) {
        jdbc.sql("""
                        update notification_webhook_deliveries set attempts = attempts + 1, last_status_code = :code,
                               last_error = :error, next_attempt_at = :retry, status = :status where id = :id""")
                .param("code", statusCode)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retry", SqlTime.utc(retryAt))
                .param("status", givenUp ? "FAILED" : "PENDING")
                .param("id", id)
                .update();
    }

    /** Sends the delivery again as soon as possible, whatever became of it. */
    void replay(String id, Instant at) {
        jdbc.sql("update notification_webhook_deliveries set status = 'PENDING', next_attempt_at = :at where id = :id")
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }
}
