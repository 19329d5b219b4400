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

    @Test
    void theDrawerShouldHoldTheFloatPlusCashTakenAndPaidInLessPaidOut() {
        var z = ZReport.of(
                "sh",
                "reg",
                Instant.EPOCH,
                null,
                eur(10000),
                4,
                eur(5000),
                eur(4000),
                eur(300),
                eur(1200),
                2,
                eur(13000));
        assertThat(z.expectedCash()).isEqualTo(eur(13100));
        assertThat(z.variance()).isEqualTo(eur(-100));
    }

    @Test
    void anOpenShiftHasNoVarianceYet() {
        var x = ZReport.of("sh", "reg", Instant.EPOCH, null, eur(0), 0, eur(0), eur(0), eur(0), eur(0), 0, null);
        assertThat(x.expectedCash()).isEqualTo(eur(0));
        assertThat(x.variance()).isNull();
    }
}
