package dev.corner.payments;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.payments.internal.TerminalChargeRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Card-present payments at a store's till: the terminal reads the card, the gateway authorizes and
 * captures in one go, and the till learns APPROVED or DECLINED. The terminal is simulated (see {@link
 * SimulatedTerminal}); the POS will call {@link #charge(String, Money, String)}.
 */
@Service
public class CardTerminal {

    private static final Logger log = LoggerFactory.getLogger(CardTerminal.class);

    private final SimulatedTerminal reader;
    private final PaymentGateway gateway;
    private final TerminalChargeRecords charges;

    CardTerminal(SimulatedTerminal reader, PaymentGateway gateway, TerminalChargeRecords charges) {
        this.reader = reader;
        this.gateway = gateway;
        this.charges = charges;
    }

    /** Charges whatever card is presented at {@code terminalId}. */
    public TerminalCharge charge(String terminalId, Money amount, String reference) {
        return chargeFor(null, terminalId, amount, reference);
    }

    /** A merchant's charge through the API; only merchants run tills. */
    public TerminalCharge charge(Caller caller, String terminalId, Money amount, String reference) {
        caller.requireRole(Role.MERCHANT);
        return chargeFor(caller.accountId(), terminalId, amount, reference);
    }

    private TerminalCharge chargeFor(AccountId merchant, String terminalId, Money amount, String reference) {
        Ids.requireValid(terminalId, "terminalId");
        if (amount == null || amount.amount() <= 0) {
            throw CornerException.invalid("INVALID_AMOUNT", "the amount must be above zero");
        }
        var ref = PaymentReferences.check(reference);
        var card = reader.read(terminalId);
        var token = gateway.tokenize(card);
        var answer = gateway.authorize(token.token(), amount, ref);
        TerminalCharge charge;
        if (answer.approved()) {
            gateway.capture(answer.authorization(), amount);
            charge = new TerminalCharge(TerminalCharge.Result.APPROVED, answer.authCode(), null, amount);
        } else {
            charge = new TerminalCharge(TerminalCharge.Result.DECLINED, null, answer.declineCode(), amount);
        }
        var id = charges.insert(terminalId, merchant, ref, token.brand(), token.last4(), charge);
        log.info("Terminal {} charge {} {}: {}", terminalId, id, amount, charge.result());
        return charge;
    }
}
