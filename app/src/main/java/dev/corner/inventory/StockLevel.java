package dev.corner.inventory;

/** Stock of one product in one store: on the shelf, promised to orders, and free to sell online. */
public record StockLevel(long onHand, long reserved) {

    public static final StockLevel NONE = new StockLevel(0, 0);

    public long available() {
        return Math.max(0, onHand - reserved);
    }
}
