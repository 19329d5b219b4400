package dev.corner.pos;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A sale as the till rang it up: its lines at their prices and discounts, what was tendered and the
 * change due. Only cash gives change: cards may pay at most what is left after them.
 */
public record Sale(
        String saleId,
        StoreId storeId,
        String registerId,
        List<SaleLine> lines,
        List<Tender> tenders,
        Money subtotal,
        Money discount,
        Money total,
        Money change,
        Instant madeOfflineAt,
        Set<SaleFlag> flags) {

    public Sale {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static Sale ringUp(
            String saleId,
            StoreId storeId,
            String registerId,
            String currency,
            List<SaleLine> lines,
            List<Tender> tenders,
            Instant madeOfflineAt) {
        if (lines.isEmpty() || lines.size() > 500) {
            throw CornerException.invalid("INVALID_LINES", "a sale has 1 to 500 lines");
        }
        if (tenders == null || tenders.isEmpty() || tenders.size() > 10) {
            throw CornerException.invalid("INVALID_TENDER", "a sale has 1 to 10 tenders");
        }
        var zero = Money.zero(currency);
        var subtotal =
                lines.stream().map(l -> l.unitPrice().times(l.quantity())).reduce(zero, Money::plus);
        var discount = lines.stream().map(SaleLine::discount).reduce(zero, Money::plus);
        var total = lines.stream().map(SaleLine::total).reduce(zero, Money::plus);
        var tendered = tenders.stream().map(Tender::amount).reduce(zero, Money::plus);
        var onCards = tenders.stream().filter(Tender::card).map(Tender::amount).reduce(zero, Money::plus);
        if (onCards.exceeds(total)) {
            throw CornerException.invalid(
                    "CARD_OVERPAYS", "cards pay at most the total " + total.amount() + "; only cash gives change");
        }
        var change = tendered.minus(total);
        if (change.belowZero()) {
            throw CornerException.invalid(
                    "INSUFFICIENT_TENDER",
                    "tendered " + tendered.amount() + " does not cover the total " + total.amount());
        }
        return new Sale(
                saleId,
                storeId,
                registerId,
                lines,
                tenders,
                subtotal,
                discount,
                total,
                change,
                madeOfflineAt,
                Set.of());
    }

    public boolean offline() {
        return madeOfflineAt != null;
    }

    public Sale withTenders(List<Tender> charged) {
        return new Sale(
                saleId, storeId, registerId, lines, charged, subtotal, discount, total, change, madeOfflineAt, flags);
    }

    public Sale withFlags(Set<SaleFlag> more) {
        var all = EnumSet.noneOf(SaleFlag.class);
        all.addAll(flags);
        all.addAll(more);
        return new Sale(
                saleId, storeId, registerId, lines, tenders, subtotal, discount, total, change, madeOfflineAt, all);
    }

    /** Cash kept in the drawer for this sale: cash tendered less change. */
    public Money cashTaken() {
        var zero = Money.zero(total.currency());
        return tenders.stream()
                .filter(t -> !t.card())
                .map(Tender::amount)
                .reduce(zero, Money::plus)
                .minus(change);
    }
}
