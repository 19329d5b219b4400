package dev.corner.pos.model;

import dev.corner.common.Money;
import java.time.Instant;
import java.util.Map;

/**
 * What a shift took and what should be in the drawer: the opening float, plus cash taken net of
 * change, less cash refunded, plus cash paid in, minus cash paid out. Counted against that, the
 * variance is what the drawer is over (positive) or short (negative). Card takings and refunds are
 * reported by tender but never expected in the drawer.
 */
public record ZReport(
        String shiftId,
        String registerId,
        Instant openedAt,
        Instant closedAt,
        Money openingFloat,
        long sales,
        long offlineSales,
        Money salesTotal,
        Money discounts,
        Map<String, Money> byTender,
        long returns,
        Money refunds,
        Map<String, Money> refundsByTender,
        Money cashTaken,
        Money paidIn,
        Money paidOut,
        long noSales,
        Money expectedCash,
        Money countedCash,
        Money variance) {

    /** The shift's figures as the records add them up. */
    public record Takings(
            long sales,
            long offlineSales,
            Money salesTotal,
            Money discounts,
            Money cashTaken,
            Money cardTaken,
            long returns,
            Money cashRefunds,
            Money cardRefunds,
            Money paidIn,
            Money paidOut,
            long noSales) {}

    /** The drawer's expected cash from its parts; {@code counted} is null while the shift is open. */
    public static ZReport of(
            String shiftId,
            String registerId,
            Instant openedAt,
            Instant closedAt,
            Money openingFloat,
            Takings t,
            Money counted) {
        var expected = openingFloat
                .plus(t.cashTaken())
                .minus(t.cashRefunds())
                .plus(t.paidIn())
                .minus(t.paidOut());
        return new ZReport(
                shiftId,
                registerId,
                openedAt,
                closedAt,
                openingFloat,
                t.sales(),
                t.offlineSales(),
                t.salesTotal(),
                t.discounts(),
                Map.of("CASH", t.cashTaken(), "CARD", t.cardTaken()),
                t.returns(),
                t.cashRefunds().plus(t.cardRefunds()),
                Map.of("CASH", t.cashRefunds(), "CARD", t.cardRefunds()),
                t.cashTaken(),
                t.paidIn(),
                t.paidOut(),
                t.noSales(),
                expected,
                counted,
                counted == null ? null : counted.minus(expected));
    }
}
