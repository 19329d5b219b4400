package dev.corner.payments.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.payments.TerminalCharge;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every charge a terminal made, approved or declined, with the card's brand and last four digits. */
@Repository
public class TerminalChargeRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    TerminalChargeRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An approved charge as a refund needs it. */
    public record Approved(String id, String authorization, Money amount, Money refunded, TerminalCharge charge) {}

    /** Records the charge and answers its id. {@code merchant} is null when the POS charged directly. */
    public String insert(
            String terminalId,
            AccountId merchant,
            String reference,
            String brand,
            String last4,
            String authorization,
            TerminalCharge charge) {
        var id = Ids.next("tch");
        jdbc.sql("""
                        insert into payment_terminal_charges (id, terminal_id, merchant_id, amount, currency, reference,
                                                              brand, last4, result, auth_code, decline_code, charged_at,
                                                              authorization_ref)
                        values (:id, :terminal, :merchant, :amount, :currency, :reference, :brand, :last4, :result,
                                :authCode, :decline, :at, :authorization)""")
                .param("id", id)
                .param("terminal", terminalId)
                .param("merchant", merchant == null ? null : merchant.value())
                .param("amount", charge.amount().amount())
                .param("currency", charge.amount().currency())
                .param("reference", reference)
                .param("brand", brand)
                .param("last4", last4)
                .param("result", charge.result().name())
                .param("authCode", charge.authCode())
                .param("decline", charge.declineCode())
                .param("at", SqlTime.utc(clock.instant()))
                .param("authorization", authorization)
                .update();
        return id;
    }

    /** The approved charge made under {@code reference}, locked for a refund. */
    public Optional<Approved> approved(String reference, boolean lock) {
        return jdbc.sql("select * from payment_terminal_charges where reference = :reference and result = 'APPROVED'"
                        + (lock ? " for update" : ""))
                .param("reference", reference)
                .query((rs, n) -> {
                    var currency = rs.getString("currency");
                    var amount = new Money(rs.getLong("amount"), currency);
                    return new Approved(
                            rs.getString("id"),
                            rs.getString("authorization_ref"),
                            amount,
                            new Money(rs.getLong("refunded"), currency),
                            new TerminalCharge(
                                    TerminalCharge.Result.APPROVED, rs.getString("auth_code"), null, amount));
                })
                .optional();
    }

    /** The amount of an earlier refund with this id, if there was one. */
    public Optional<Long> refund(String refundId) {
        return jdbc.sql("select amount from payment_terminal_refunds where refund_id = :id")
                .param("id", refundId)
                .query(Long.class)
                .optional();
    }

    public void insertRefund(String chargeId, String refundId, Money amount) {
        jdbc.sql("""
                        insert into payment_terminal_refunds (charge_id, refund_id, amount, refunded_at)
                        values (:charge, :refund, :amount, :at)""")
                .param("charge", chargeId)
                .param("refund", refundId)
                .param("amount", amount.amount())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
        jdbc.sql("update payment_terminal_charges set refunded = refunded + :amount where id = :charge")
                .param("amount", amount.amount())
                .param("charge", chargeId)
                .update();
    }

    public void markVoided(String chargeId) {
        jdbc.sql("update payment_terminal_charges set result = 'VOIDED', refunded = amount where id = :charge")
                .param("charge", chargeId)
                .update();
    }
}
