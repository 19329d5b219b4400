package dev.corner.pos;

import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.util.List;

/**
 * Goods brought back against a sale: which lines and how many, whether they went back on the shelf
 * or were written off, and where the refund went (the sale's card tenders first, then cash).
 */
public record SaleReturn(
        String returnId, StoreId storeId, String saleId, List<Line> lines, Money refund, List<Refund> refunds) {

    public SaleReturn {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /** A returned line of the sale; {@code restock} false means written off. */
    public record Line(int lineNo, long quantity, boolean restock, Money refund) {}

    public enum RefundType {
        CASH,
        CARD
    }

    /** Part of the refund; {@code tenderNo} is the sale's card tender refunded, 0 for cash. */
    public record Refund(RefundType type, int tenderNo, Money amount) {}
}
