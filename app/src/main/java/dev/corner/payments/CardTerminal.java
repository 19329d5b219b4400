package dev.corner.payments;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.payments.internal.TerminalChargeRecords;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Card-present payments at a store's till: the terminal reads the card, the gateway authorizes and
 * captures in one go, and the till learns APPROVED or DECLINED. The terminal is simulated (see {@link
 * SimulatedTerminal}). The POS charges through {@link #chargeOnce} and refunds a return through {@link
 * #refund}; both keep their records in their own transaction, so a sale or return that fails after
 * the money moved still finds the charge or refund when it is sent again, and never repeats it.
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

    /**
     * Charges whatever card is presented at {@code terminalId}, unless a charge under {@code
     * reference} was approved already: then that one is the answer and no card is read.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public TerminalCharge chargeOnce(String terminalId, Money amount, String reference) {
        Objects.requireNonNull(reference, "a charge made once needs a reference");
        var earlier = charges.approved(PaymentReferences.check(reference), false);
        if (earlier.isPresent()) {
            if (!earlier.get().amount().equals(amount)) {
                throw CornerException.conflict(
                        "REFERENCE_REUSED", "reference " + reference + " was charged for another amount");
            }
            return earlier.get().charge();
        }
        return chargeFor(null, terminalId, amount, reference);
    }

    /**
     * Gives back in full the approved charge made under {@code reference}, for a sale that did not
     * go through; the reference may then be charged again. Nothing happens if there is none.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void cancel(String reference) {
        charges.approved(PaymentReferences.check(reference), true).ifPresent(charge -> {
            gateway.refund(charge.authorization(), charge.amount(), charge.id() + "-cancel");
            charges.markVoided(charge.id());
            log.info("Terminal charge {} given back in full", charge.id());
        });
    }

    /**
     * Gives back up to {@code amount} of the approved charge made under {@code reference}; answers
     * what was refunded (less when less is left). The same {@code refundId} again refunds nothing
     * more and answers the first amount.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Money refund(String reference, Money amount, String refundId) {
        var id = PaymentReferences.check(refundId);
        var charge = charges.approved(PaymentReferences.check(reference), true)
                .orElseThrow(() -> CornerException.notFound("CHARGE_NOT_FOUND", "no approved charge " + reference));
        var earlier = charges.refund(id);
        if (earlier.isPresent()) {
            return new Money(earlier.get(), amount.currency());
        }
        var left = charge.amount().minus(charge.refunded());
        var refund = amount.amount() <= left.amount() ? amount : left;
        if (refund.amount() > 0) {
            gateway.refund(charge.authorization(), refund, id);
            charges.insertRefund(charge.id(), id, refund);
            log.info("Terminal charge {} refunded {}", charge.id(), refund);
        }
        return refund;
    }

    /** A merchant's charge through the API; only merchants run tills. */
    @Transactional
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
        var id =
                charges.insert(terminalId, merchant, ref, token.brand(), token.last4(), answer.authorization(), charge);
        log.info("Terminal {} charge {} {}: {}", terminalId, id, amount, charge.result());
        return charge;
    }
}
