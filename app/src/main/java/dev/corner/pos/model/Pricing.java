package dev.corner.pos.model;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a basket: each line is unit price × quantity less its percentage discount (rounded half up
 * to the minor unit); a basket discount is then shared over the lines in proportion to what they
 * cost, the remainder cents going to the first lines, so that the line totals always add up to the
 * sale's total. A return refunds from those line totals, so it gives back what was really paid.
 */
public final class Pricing {

    private Pricing() {}

    /** A line as rung up: what one unit costs, how many, and the line's discount in percent. */
    public record Line(Money unitPrice, long quantity, int discountPercent) {
        public Line {
            if (discountPercent < 0 || discountPercent > 100) {
                throw CornerException.invalid("INVALID_DISCOUNT", "a line discount is 0 to 100 percent");
            }
        }

        Money gross() {
            return unitPrice.times(quantity);
        }
    }

    /** A priced line: its discount (own and share of the basket's) and what it costs after both. */
    public record Priced(Money gross, Money discount, Money total) {}

    /** The priced lines, in the order given. */
    public static List<Priced> price(List<Line> lines, Money basketDiscount, String currency) {
        var afterLineDiscount = new long[lines.size()];
        var lineDiscount = new long[lines.size()];
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            line.unitPrice().requireSameCurrency(Money.zero(currency));
            long gross = line.gross().amount();
            lineDiscount[i] = percentOf(gross, line.discountPercent());
            afterLineDiscount[i] = gross - lineDiscount[i];
            sum += afterLineDiscount[i];
        }
        long basket = basketDiscount == null ? 0 : basketDiscount.amount();
        if (basketDiscount != null) {
            basketDiscount.requireSameCurrency(Money.zero(currency));
        }
        if (basket < 0 || basket > sum) {
            throw CornerException.invalid(
                    "INVALID_DISCOUNT", "a basket discount is 0 up to what the basket costs after line discounts");
        }
        var shares = share(basket, afterLineDiscount, sum);
        var priced = new ArrayList<Priced>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long gross = lines.get(i).gross().amount();
            long discount = lineDiscount[i] + shares[i];
            priced.add(new Priced(
                    new Money(gross, currency), new Money(discount, currency), new Money(gross - discount, currency)));
        }
        return priced;
    }

    /** {@code percent} of {@code amount}, rounded half up. */
    static long percentOf(long amount, int percent) {
        return Math.addExact(Math.multiplyExact(amount, percent), 50) / 100;
    }

    /** Splits {@code total} over {@code weights} in proportion; shares add up to {@code total} exactly. */
    static long[] share(long total, long[] weights, long weightSum) {
        var shares = new long[weights.length];
        if (total == 0 || weightSum == 0) {
            return shares;
        }
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = Math.multiplyExact(total, weights[i]) / weightSum;
            given += shares[i];
        }
        for (int i = 0; given < total; i = (i + 1) % weights.length) {
            if (weights[i] > 0) {
                shares[i]++;
                given++;
            }
        }
        return shares;
    }

    /**
     * What returning {@code quantity} more units of a line gives back, when {@code returnedBefore}
     * of its {@code sold} units came back already. Returning every unit, in any steps, gives back
     * exactly the line's total.
     */
    public static long refundFor(long lineTotal, long sold, long returnedBefore, long quantity) {
        if (quantity <= 0 || returnedBefore + quantity > sold) {
            throw CornerException.conflict(
                    "RETURN_EXCEEDS_SALE",
                    "only " + (sold - returnedBefore) + " of this line's " + sold + " units can still come back");
        }
        return Math.multiplyExact(lineTotal, returnedBefore + quantity) / sold
                - Math.multiplyExact(lineTotal, returnedBefore) / sold;
    }
}
