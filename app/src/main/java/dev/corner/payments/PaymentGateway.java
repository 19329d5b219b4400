package dev.corner.payments;

import dev.corner.common.Money;

/**
 * The card processor behind Corner, as a service provider interface. Card numbers and security codes
 * go to {@link #tokenize} and nowhere else; every other call names the card by the token it answered.
 * A gateway that cannot give an answer (network, processor down) throws {@link GatewayException}, so
 * the caller can keep its state and try again. Corner ships a simulation, selected by default
 * ({@code corner.payments.gateway=simulated}).
 */
public interface PaymentGateway {

    /** Exchanges card details for a reusable token. */
    CardToken tokenize(CardDetails card);

    /** Holds {@code amount} on the tokenized card, or answers why the issuer refused. */
    Authorization authorize(String token, Money amount, String reference);

    /** Takes {@code amount} (at most what was authorized) and releases the rest. */
    void capture(String authorization, Money amount);

    /** Releases an uncaptured authorization. */
    void voidAuthorization(String authorization);

    /** Gives back part of a capture; {@code refundId} lets the gateway spot a repeat. */
    void refund(String authorization, Money amount, String refundId);

    /**
     * What a card form sent. Held only for the length of one {@link #tokenize} call: its {@code
     * toString} shows the last four digits only, so it cannot leak through a log line by accident.
     */
    record CardDetails(String number, int expMonth, int expYear, String cvc, String holder) {
        @Override
        public String toString() {
            return "CardDetails[…" + number.substring(number.length() - 4) + ", " + expMonth + "/" + expYear + "]";
        }
    }

    /** The gateway's token for a card, with what may be shown of it. */
    record CardToken(String token, String brand, String last4) {}

    /** An issuer's answer: approved with an authorization reference and auth code, or declined. */
    record Authorization(boolean approved, String authorization, String authCode, String declineCode) {

        public static Authorization approved(String authorization, String authCode) {
            return new Authorization(true, authorization, authCode, null);
        }

        public static Authorization declined(String declineCode) {
            return new Authorization(false, null, null, declineCode);
        }
    }
}
