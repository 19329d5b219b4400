package dev.corner.payments;

import dev.corner.common.CornerException;
import dev.corner.common.Text;
import dev.corner.payments.model.CardRules;

/** The free-text reference of a payment: bounded, and never something that could be a card number. */
final class PaymentReferences {

    private PaymentReferences() {}

    static String check(String reference) {
        var text = Text.optional(reference, "reference", 200);
        if (CardRules.mayHoldCardNumber(text)) {
            throw CornerException.invalid(
                    "INVALID_REFERENCE", "a reference may not hold anything that looks like a card number");
        }
        return text;
    }
}
