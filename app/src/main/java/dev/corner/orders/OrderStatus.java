package dev.corner.orders;

/** Where an order is in its life. Open orders are those not yet cancelled, completed or expired. */
public enum OrderStatus {
    AWAITING_CONFIRMATION,
    PLACED,
    CANCELLED,
    COMPLETED,
    /** Not collected in time: its reservation expired and the stock went back on sale. */
    EXPIRED;

    public boolean isOpen() {
        return this == AWAITING_CONFIRMATION || this == PLACED;
    }
}
