package dev.corner.inventory;

/** Why stock moved; each kind changes on-hand and reserved in its own way. */
public enum MovementKind {
    RECEIVED(+1, 0),
    SOLD(-1, 0),
    RESERVED(0, +1),
    RELEASED(0, -1),
    RESERVATION_CONSUMED(-1, -1);

    private final int onHandSign;
    private final int reservedSign;

    MovementKind(int onHandSign, int reservedSign) {
        this.onHandSign = onHandSign;
        this.reservedSign = reservedSign;
    }

    public StockLevel applyTo(StockLevel level, long quantity) {
        return new StockLevel(level.onHand() + onHandSign * quantity, level.reserved() + reservedSign * quantity);
    }
}
