package dev.corner.inventory;

import dev.corner.common.CornerException;

/**
 * When to reorder a product and how much: the reorder point is lead time × average daily sales +
 * safety stock; below or at it, stock is low, and the suggestion fills up to the reorder point plus
 * {@code coverDays} of sales.
 */
public record ReorderPolicy(int leadTimeDays, long safetyStock, int coverDays) {

    /** Used where a merchant set no policy of its own. */
    public static final ReorderPolicy DEFAULT = new ReorderPolicy(2, 2, 7);

    public ReorderPolicy {
        if (leadTimeDays < 0 || leadTimeDays > 365) {
            throw CornerException.invalid("INVALID_POLICY", "leadTimeDays must be 0 to 365");
        }
        if (safetyStock < 0 || safetyStock > StockLine.MAX_QUANTITY) {
            throw CornerException.invalid("INVALID_POLICY", "safetyStock must be 0 to " + StockLine.MAX_QUANTITY);
        }
        if (coverDays < 1 || coverDays > 365) {
            throw CornerException.invalid("INVALID_POLICY", "coverDays must be 1 to 365");
        }
    }

    /** Units, rounded up: a fraction of a unit of demand still needs a whole unit on the shelf. */
    public long reorderPoint(double averageDailySales) {
        return (long) Math.ceil(leadTimeDays * averageDailySales) + safetyStock;
    }

    public boolean isLow(long available, double averageDailySales) {
        return available <= reorderPoint(averageDailySales);
    }

    /** How many to order now so that, after the lead time, the shelf covers {@code coverDays} more. */
    public long suggestedOrder(long available, double averageDailySales) {
        long target = reorderPoint(averageDailySales) + (long) Math.ceil(coverDays * averageDailySales);
        return Math.max(0, target - available);
    }
}
