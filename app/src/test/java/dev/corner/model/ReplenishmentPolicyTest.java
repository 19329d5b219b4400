package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.ReplenishmentPolicy;
import dev.corner.devices.model.ReplenishmentPolicy.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReplenishmentPolicyTest {

    static final Instant MEASURED = Instant.parse("2026-05-04T08:00:00Z");
    static final Duration LEAD = Duration.ofDays(1);
    static final ReplenishmentPolicy POLICY = new ReplenishmentPolicy(Duration.ofDays(2));

    /** 10 left at 2 a day: empty five days after the reading. */
    static final ConsumptionEstimate FIVE_DAYS_LEFT = new ConsumptionEstimate(MEASURED, 10, 40, OptionalDouble.of(2));

    @Test
    void moreTimeLeftThanLeadTimeAndMarginWaits() {
        var decision = POLICY.decide(FIVE_DAYS_LEFT, LEAD, MEASURED);

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(decision.expectedDepletion()).contains(MEASURED.plus(Duration.ofDays(5)));
        assertThat(decision.orderBy()).contains(MEASURED.plus(Duration.ofDays(2)));
    }

    @Test
    void exactlyLeadTimePlusMarginLeftStillWaits() {
        var now = MEASURED.plus(Duration.ofDays(2));
        assertThat(POLICY.decide(FIVE_DAYS_LEFT, LEAD, now).outcome()).isEqualTo(Outcome.NOT_YET);
    }

    @Test
    void lessTimeLeftThanLeadTimeAndMarginOrdersNow() {
        var now = MEASURED.plus(Duration.ofDays(2)).plusSeconds(1);
        assertThat(POLICY.decide(FIVE_DAYS_LEFT, LEAD, now).outcome()).isEqualTo(Outcome.ORDER_NOW);
    }

    @Test
    void aLongerLeadTimeOrdersEarlier() {
        assertThat(POLICY.decide(FIVE_DAYS_LEFT, Duration.ofDays(3), MEASURED.plus(Duration.ofHours(1)))
                        .outcome())
                .isEqualTo(Outcome.ORDER_NOW);
    }

    @Test
    void anAlreadyEmptySlotOrdersNow() {
        var empty = new ConsumptionEstimate(MEASURED, 0, 40, OptionalDouble.of(2));
        assertThat(POLICY.decide(empty, Duration.ZERO, MEASURED).outcome()).isEqualTo(Outcome.ORDER_NOW);
    }

    @Test
    void withoutARateOrWithoutUseNothingIsForeseen() {
        var unknown = new ConsumptionEstimate(MEASURED, 1, 40, OptionalDouble.empty());
        var unused = new ConsumptionEstimate(MEASURED, 1, 40, OptionalDouble.of(0));

        assertThat(POLICY.decide(unknown, LEAD, MEASURED).outcome()).isEqualTo(Outcome.NO_FORECAST);
        assertThat(POLICY.decide(unused, LEAD, MEASURED).outcome()).isEqualTo(Outcome.NO_FORECAST);
        assertThat(POLICY.decide(unused, LEAD, MEASURED).orderBy()).isEmpty();
    }

    @Test
    void aNegativeMarginOrLeadTimeIsRefused() {
        assertThatThrownBy(() -> new ReplenishmentPolicy(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.decide(FIVE_DAYS_LEFT, Duration.ofHours(-1), MEASURED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
