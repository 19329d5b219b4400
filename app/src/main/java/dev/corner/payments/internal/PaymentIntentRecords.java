package dev.corner.payments.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.payments.PaymentIntentId;
import dev.corner.payments.PaymentMethodId;
import dev.corner.payments.PaymentStatus;
import dev.corner.payments.model.PaymentEvent;
import dev.corner.payments.model.PaymentIntent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment intents, their history and their refunds. */
@Repository
public class PaymentIntentRecords {

    /** A refund as recorded, with the intent's state right after it, to answer a repeat alike. */
    public record Refund(Money amount, PaymentStatus statusAfter, Money refundedAfter) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentIntentRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(PaymentIntent intent) {
        jdbc.sql("""
                        insert into payment_intents (id, owner_id, payment_method_id, amount, currency, reference, status,
                                                     captured, refunded, authorization_ref, decline_code, created_at,
                                                     updated_at)
                        values (:id, :owner, :method, :amount, :currency, :reference, :status, :captured, :refunded,
                                :authorization, :decline, :at, :at)""")
                .param("id", intent.id().value())
                .param("owner", intent.owner().value())
                .param("method", intent.paymentMethod().value())
                .param("amount", intent.amount().amount())
                .param("currency", intent.amount().currency())
                .param("reference", intent.reference())
                .param("status", intent.status().name())
                .param("captured", intent.captured().amount())
                .param("refunded", intent.refunded().amount())
                .param("authorization", intent.authorization())
                .param("decline", intent.declineCode())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    public void update(PaymentIntent intent) {
        jdbc.sql("""
                        update payment_intents
                        set status = :status, captured = :captured, refunded = :refunded,
                            authorization_ref = :authorization, decline_code = :decline, updated_at = :at
                        where id = :id""")
                .param("id", intent.id().value())
                .param("status", intent.status().name())
                .param("captured", intent.captured().amount())
                .param("refunded", intent.refunded().amount())
                .param("authorization", intent.authorization())
                .param("decline", intent.declineCode())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    public Optional<PaymentIntent> find(PaymentIntentId id) {
        return jdbc.sql("select * from payment_intents where id = :id")
                .param("id", id.value())
                .query(PaymentIntentRecords::intent)
                .optional();
    }

    /** Reads the intent and locks its row until the transaction ends, so actions on it take turns. */
    public Optional<PaymentIntent> lock(PaymentIntentId id) {
        return jdbc.sql("select * from payment_intents where id = :id for update")
                .param("id", id.value())
                .query(PaymentIntentRecords::intent)
                .optional();
    }

    public void record(PaymentIntentId id, PaymentEvent event) {
        jdbc.sql("""
                        insert into payment_intent_events (intent_id, seq, kind, amount, detail, at)
                        values (:id, (select coalesce(max(seq), 0) + 1 from payment_intent_events where intent_id = :id),
                                :kind, :amount, :detail, :at)""")
                .param("id", id.value())
                .param("kind", event.kind().name())
                .param("amount", event.amount() == null ? null : event.amount().amount())
                .param("detail", bounded(event.detail()))
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    /** The kinds of the intent's history entries, oldest first. */
    public List<String> history(PaymentIntentId id) {
        return jdbc.sql("select kind from payment_intent_events where intent_id = :id order by seq")
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    public Optional<Refund> findRefund(PaymentIntentId id, String refundId, String currency) {
        return jdbc.sql("select * from payment_refunds where intent_id = :id and refund_id = :refund")
                .param("id", id.value())
                .param("refund", refundId)
                .query((rs, n) -> new Refund(
                        new Money(rs.getLong("amount"), currency),
                        PaymentStatus.valueOf(rs.getString("status_after")),
                        new Money(rs.getLong("refunded_after"), currency)))
                .optional();
    }

    public void insertRefund(PaymentIntent intent, String refundId, Money amount) {
        jdbc.sql("""
                        insert into payment_refunds (intent_id, refund_id, amount, status_after, refunded_after,
                                                     refunded_at)
                        values (:id, :refund, :amount, :status, :refunded, :at)""")
                .param("id", intent.id().value())
                .param("refund", refundId)
                .param("amount", amount.amount())
                .param("status", intent.status().name())
                .param("refunded", intent.refunded().amount())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    // A gateway's message may run long; the history keeps its start.
    private static String bounded(String detail) {
        return detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
    }

    private static PaymentIntent intent(ResultSet rs, int n) throws SQLException {
        var currency = rs.getString("currency");
        return new PaymentIntent(
                new PaymentIntentId(rs.getString("id")),
                new AccountId(rs.getString("owner_id")),
                new PaymentMethodId(rs.getString("payment_method_id")),
                new Money(rs.getLong("amount"), currency),
                rs.getString("reference"),
                PaymentStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("captured"), currency),
                new Money(rs.getLong("refunded"), currency),
                rs.getString("authorization_ref"),
                rs.getString("decline_code"));
    }
}
