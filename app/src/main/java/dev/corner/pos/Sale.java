package dev.corner.pos;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.util.List;

/**
 * A sale as the till rang it up: its lines at their prices, what was tendered and the change due.
 * Cash only, so the tendered cash must cover the total and the rest is change.
 */
public record Sale(
        String saleId, StoreId storeId, List<SaleLine> lines, List<Tender> tenders, Money total, Money change) {

    public static Sale ringUp(
            String saleId, StoreId storeId, String currency, List<SaleLine> lines, List<Tender> tenders) {
        if (lines.isEmpty() || lines.size() > 500) {
            throw CornerException.invalid("INVALID_LINES", "a sale has 1 to 500 lines");
        }
        if (tenders == null || tenders.isEmpty() || tenders.size() > 10) {
            throw CornerException.invalid("INVALID_TENDER", "a sale has 1 to 10 tenders");
        }
        var total = lines.stream().map(SaleLine::total).reduce(Money.zero(currency), Money::plus);
        var tendered = tenders.stream().map(Tender::amount).reduce(Money.zero(currency), Money::plus);
        var change = tendered.minus(total);
        if (change.belowZero()) {
            throw CornerException.invalid(
                    "INSUFFICIENT_TENDER",
                    "tendered " + tendered.amount() + " does not cover the total " + total.amount());
        }
        return new Sale(saleId, storeId, List.copyOf(lines), List.copyOf(tenders), total, change);
    }
}
