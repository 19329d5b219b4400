package dev.corner.orders;

/** Where an order is in its life. Open orders are those not yet cancelled or completed. */
public enum OrderStatus {
    AWAITING_CONFIRMATION,
    PLACED,
    CANCELLED,
    COMPLETED;

    public boolean isOpen() {
        return this == AWAITING_CONFIRMATION || this == PLACED;
    }
}
