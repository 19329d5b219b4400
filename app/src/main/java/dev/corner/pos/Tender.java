package dev.corner.pos;

import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.payments.TerminalCharge;

/**
 * How part of a sale was paid: cash, or a card on a terminal. A card tender is {@code PENDING} until
 * the terminal answers {@code APPROVED} or {@code DECLINED}.
 */
public record Tender(Type type, Money amount, String terminalId, Status status, String authCode, String declineCode) {

    public enum Type {
        CASH,
        CARD
    }

    public enum Status {
        CASH,
        PENDING,
        APPROVED,
        DECLINED
    }

    public Tender {
        if (type == null) {
            throw CornerException.invalid("UNSUPPORTED_TENDER", "tender type must be CASH or CARD");
        }
        if (amount == null || amount.amount() <= 0) {
            throw CornerException.invalid("INVALID_TENDER", "each tender needs an amount above zero");
        }
        if (type == Type.CARD) {
            Ids.requireValid(terminalId, "terminalId");
        } else if (terminalId != null) {
            throw CornerException.invalid("INVALID_TENDER", "a cash tender has no terminal");
        }
    }

    public static Tender asked(Type type, Money amount, String terminalId) {
        return new Tender(type, amount, terminalId, type == Type.CASH ? Status.CASH : Status.PENDING, null, null);
    }

    /** The card tender with the terminal's answer. */
    public Tender charged(TerminalCharge charge) {
        var approved = charge.result() == TerminalCharge.Result.APPROVED;
        return new Tender(
                type,
                amount,
                terminalId,
                approved ? Status.APPROVED : Status.DECLINED,
                charge.authCode(),
                charge.declineCode());
    }

    public boolean card() {
        return type == Type.CARD;
    }
}
