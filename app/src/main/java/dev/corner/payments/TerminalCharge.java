package dev.corner.payments;

import dev.corner.common.Money;

/**
 * What a card terminal answered: APPROVED with the issuer's auth code, or DECLINED with the reason
 * ({@code card_declined}, {@code insufficient_funds}, {@code expired_card}).
 */
public record TerminalCharge(Result result, String authCode, String declineCode, Money amount) {

    /** The two answers a terminal gives the till. */
    public enum Result {
        APPROVED,
        DECLINED
    }
}
