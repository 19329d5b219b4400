package dev.corner.payments;

/**
 * The gateway gave no answer (a processing error, a timeout). Nothing was decided, so the intent
 * keeps its state and the same action may be tried again; it reaches the client as {@code 502
 * GATEWAY_ERROR}. Its message never holds card data.
 */
public class GatewayException extends RuntimeException {

    private final String paymentIntentId;

    public GatewayException(String message) {
        this(message, null);
    }

    private GatewayException(String message, String paymentIntentId) {
        super(message);
        this.paymentIntentId = paymentIntentId;
    }

    /** The same failure, naming the intent it left untouched so the client can retry it. */
    public GatewayException about(PaymentIntentId intent) {
        return new GatewayException(getMessage(), intent.value());
    }

    /** The intent the failure left as it was, if any. */
    public String paymentIntentId() {
        return paymentIntentId;
    }
}
