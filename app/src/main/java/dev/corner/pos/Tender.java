package dev.corner.pos;

import dev.corner.common.CornerException;
import dev.corner.common.Money;

/** How part of a sale was paid. Only cash for now; card tenders come with the card terminal. */
public record Tender(Type type, Money amount) {

    public enum Type {
        CASH
    }

    public Tender {
        if (type == null) {
            throw CornerException.invalid("UNSUPPORTED_TENDER", "tender type must be CASH");
        }
        if (amount == null || amount.amount() <= 0) {
            throw CornerException.invalid("INVALID_TENDER", "each tender needs an amount above zero");
        }
    }
}
