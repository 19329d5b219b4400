package dev.corner.pos.model;

import dev.corner.common.Money;
import java.time.Instant;

/**
 * What a shift took and what should be in the drawer: the opening float, plus cash taken net of
 * change, plus cash paid in, minus cash paid out. Counted against that, the variance is what the
 * drawer is over (positive) or short (negative).
 */
public record ZReport(
        String shiftId,
        String registerId,
        Instant openedAt,
        Instant closedAt,
        Money openingFloat,
        long sales,
        Money salesTotal,
        Money cashTaken,
        Money paidIn,
        Money paidOut,
        long noSales,
        Money expectedCash,
        Money countedCash,
        Money variance) {

    /** The drawer's expected cash from its parts; {@code counted} is null while the shift is open. */
    public static ZReport of(
            String shiftId,
            String registerId,
            Instant openedAt,
            Instant closedAt,
            Money openingFloat,
            long sales,
            Money salesTotal,
            Money cashTaken,
            Money paidIn,
            Money paidOut,
            long noSales,
            Money counted) {
        var expected = openingFloat.plus(cashTaken).plus(paidIn).minus(paidOut);
        return new ZReport(
                shiftId,
                registerId,
                openedAt,
                closedAt,
                openingFloat,
                sales,
                salesTotal,
                cashTaken,
                paidIn,
                paidOut,
                noSales,
                expected,
                counted,
                counted == null ? null : counted.minus(expected));
    }
}
