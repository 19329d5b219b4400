package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.Money;
import dev.corner.pos.model.ZReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZReportTest {

    static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    static ZReport.Takings takings(
            long cashTaken, long cardTaken, long cashRefunds, long cardRefunds, long paidIn, long paidOut) {
        return new ZReport.Takings(
                4,
                1,
                eur(cashTaken + cardTaken),
                eur(250),
                eur(cashTaken),
                eur(cardTaken),
                1,
                eur(cashRefunds),
                eur(cardRefunds),
                eur(paidIn),
                eur(paidOut),
                2);
    }

    @Test
    void theDrawerShouldHoldTheFloatPlusCashTakenAndPaidInLessPaidOut() {
        var z = ZReport.of("sh", "reg", Instant.EPOCH, null, eur(10000), takings(4000, 0, 0, 0, 300, 1200), eur(13000));
        assertThat(z.expectedCash()).isEqualTo(eur(13100));
        assertThat(z.variance()).isEqualTo(eur(-100));
    }

    @Test
    void cashRefundsLeaveTheDrawerButCardTakingsAndCardRefundsNeverEnterIt() {
        var z = ZReport.of("sh", "reg", Instant.EPOCH, null, eur(5000), takings(3000, 7000, 400, 900, 0, 0), eur(7600));
        assertThat(z.expectedCash()).isEqualTo(eur(7600));
        assertThat(z.variance()).isEqualTo(eur(0));
        assertThat(z.byTender()).containsEntry("CASH", eur(3000)).containsEntry("CARD", eur(7000));
        assertThat(z.refunds()).isEqualTo(eur(1300));
        assertThat(z.refundsByTender()).containsEntry("CASH", eur(400)).containsEntry("CARD", eur(900));
        assertThat(z.salesTotal()).isEqualTo(eur(10000));
    }

    @Test
    void anOpenShiftHasNoVarianceYet() {
        var x = ZReport.of("sh", "reg", Instant.EPOCH, null, eur(0), takings(0, 0, 0, 0, 0, 0), null);
        assertThat(x.expectedCash()).isEqualTo(eur(0));
        assertThat(x.variance()).isNull();
    }
}
