package dev.corner.inventory;

/**
 * Why stock moved. Most kinds move stock one way by their quantity; adjustments and counts carry a
 * signed change of their own.
 */
public enum MovementKind {
    RECEIVED(+1, 0),
    SOLD(-1, 0),
    RETURNED(+1, 0),
    TRANSFERRED_OUT(-1, 0),
    TRANSFERRED_IN(+1, 0),
    RESERVED(0, +1),
    RELEASED(0, -1),
    RESERVATION_CONSUMED(-1, -1),
    ADJUSTED(0, 0),
    COUNTED(0, 0);

    private final int onHandSign;
    private final int reservedSign;

    MovementKind(int onHandSign, int reservedSign) {
        this.onHandSign = onHandSign;
        this.reservedSign = reservedSign;
    }

    /** The movement of {@code quantity} units of this kind. */
    public Movement of(long quantity) {
        if (this == ADJUSTED || this == COUNTED) {
            throw new IllegalArgumentException(this + " carries its own signed change");
        }
        return new Movement(this, onHandSign * quantity, reservedSign * quantity, null);
    }
}
