package dev.corner.payments.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Ids;
import dev.corner.common.SqlTime;
import dev.corner.payments.TerminalCharge;
import java.time.Clock;
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

    /** Records the charge and answers its id. {@code merchant} is null when the POS charged directly. */
    public String insert(
            String terminalId,
            AccountId merchant,
            String reference,
            String brand,
            String last4,
            TerminalCharge charge) {
        var id = Ids.next("tch");
        jdbc.sql("""
                        insert into payment_terminal_charges (id, terminal_id, merchant_id, amount, currency, reference,
                                                              brand, last4, result, auth_code, decline_code, charged_at)
                        values (:id, :terminal, :merchant, :amount, :currency, :reference, :brand, :last4, :result,
                                :authCode, :decline, :at)""")
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
                .update();
        return id;
    }
}
