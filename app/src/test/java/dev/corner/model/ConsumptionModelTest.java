package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.corner.common.CornerException;
import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.ConsumptionModel;
import dev.corner.devices.model.SlotReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ConsumptionModelTest {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final ConsumptionModel MODEL = ConsumptionModel.standard();

    /** A reading every {@code every} hours for {@code hours} hours, the level given by the hour. */
    static List<SlotReading> readings(int hours, int every, IntToDoubleFunction level) {
        var readings = new ArrayList<SlotReading>();
        for (int hour = 0; hour <= hours; hour += every) {
            readings.add(reading(hour, level.applyAsDouble(hour)));
        }
        return readings;
    }

    static SlotReading reading(int hour, double level) {
        return new SlotReading(START.plus(Duration.ofHours(hour)), Math.max(0, Math.min(100, level)), 100);
    }

    static double rate(List<SlotReading> readings) {
        return MODEL.estimate(readings).ratePerDay().orElseThrow();
    }

    /** Four units a day, continuously, from a full slot. */
    static double steady(int hour) {
        return 100 - 4.0 * hour / 24;
    }

    @Test
    void steadyUseGivesItsRateAndTheDayItRunsOut() {
        var estimate = MODEL.estimate(readings(10 * 24, 6, ConsumptionModelTest::steady));

        assertThat(estimate.ratePerDay().orElseThrow()).isCloseTo(4, within(0.01));
        assertThat(estimate.level()).isCloseTo(60, within(0.1));
        assertThat(estimate.expectedDepletion().orElseThrow())
                .isBetween(START.plus(Duration.ofHours(25 * 24 - 1)), START.plus(Duration.ofHours(25 * 24 + 1)));
    }

    @Test
    void aRefillIsNotNegativeUse() {
        // 4 a day; on day 8 the household refills from 68 to 100.
        IntToDoubleFunction refilled = hour -> hour < 8 * 24 ? steady(hour) : 100 - 4.0 * (hour - 8 * 24) / 24;

        var estimate = MODEL.estimate(readings(12 * 24, 6, refilled));

        assertThat(estimate.ratePerDay().orElseThrow()).isCloseTo(4, within(0.05));
        assertThat(estimate.level()).isCloseTo(84, within(0.5));
    }

    @Test
    void sensorNoiseMovesTheRateLittleFromReadingToReading() {
        var noise = new Random(7);
        var noisy = new ArrayList<SlotReading>();
        var rates = new ArrayList<Double>();
        for (int hour = 0; hour <= 20 * 24; hour += 4) {
            noisy.add(reading(hour, Math.round(steady(hour) + 2 * noise.nextGaussian())));
            if (hour >= 7 * 24) {
                rates.add(rate(noisy));
            }
        }
        // σ = 2 units is half a day's use per reading; the naive last-two-readings rate swings by
        // ±12 a day on such a sensor.
        assertThat(Collections.min(rates)).isGreaterThan(3.6);
        assertThat(Collections.max(rates)).isLessThan(4.4);
        double largestStep = 0;
        for (int i = 1; i < rates.size(); i++) {
            largestStep = Math.max(largestStep, Math.abs(rates.get(i) - rates.get(i - 1)));
        }
        assertThat(largestStep)
                .as("largest change between consecutive estimates")
                .isLessThan(0.4);
    }

    @Test
    void aGarbageReadingIsIgnored() {
        var readings = readings(10 * 24, 6, ConsumptionModelTest::steady);
        var clean = MODEL.estimate(readings);
        readings.set(20, reading(120, 3)); // the sensor once read almost empty

        var estimate = MODEL.estimate(readings);

        assertThat(estimate.ratePerDay().orElseThrow())
                .isCloseTo(clean.ratePerDay().orElseThrow(), within(0.01));
        assertThat(estimate.level()).isCloseTo(clean.level(), within(0.01));
    }

    @Test
    void aSuddenDropInTheLatestReadingWaitsForTheNextOne() {
        var readings = readings(10 * 24, 6, ConsumptionModelTest::steady);
        readings.add(reading(246, 10)); // 59 left a moment ago

        var unconfirmed = MODEL.estimate(readings);
        readings.add(reading(252, 9));
        var confirmed = MODEL.estimate(readings);

        assertThat(unconfirmed.level()).isCloseTo(59, within(0.5));
        assertThat(confirmed.level()).isLessThan(10);
    }

    @Test
    void aRefillInTheLatestReadingIsBelievedAtOnce() {
        var readings = readings(10 * 24, 6, ConsumptionModelTest::steady);
        readings.add(reading(246, 100));

        var estimate = MODEL.estimate(readings);

        assertThat(estimate.level()).isEqualTo(100);
        assertThat(estimate.ratePerDay().orElseThrow()).isCloseTo(4, within(0.05));
    }

    @Test
    void aHolidayNeitherCollapsesTheRateNorLeavesItLowAfterwards() {
        // Three weeks at 4 a day, two weeks away, then back at 4 a day.
        IntToDoubleFunction holiday = hour -> {
            int day = hour / 24;
            if (day < 21) {
                return 100 - 4.0 * hour / 24;
            }
            if (day < 35) {
                return 16;
            }
            return 100 - 4.0 * (hour - 35 * 24) / 24; // refilled on the way home
        };

        double before = rate(readings(21 * 24, 6, holiday));
        double aWeekAway = rate(readings(28 * 24, 6, holiday));
        double twoWeeksAway = rate(readings(34 * 24, 6, holiday));
        double aWeekBack = rate(readings(42 * 24, 6, holiday));

        assertThat(before).isCloseTo(4, within(0.05));
        // The first four quiet days count as use (they might be a pause between bursts); after
        // that the absence is left out, so the rate holds instead of sliding towards zero.
        assertThat(aWeekAway).as("a week away").isGreaterThan(0.6 * before);
        assertThat(twoWeeksAway).as("two weeks away").isCloseTo(aWeekAway, within(0.05));
        assertThat(aWeekBack).as("a week back").isGreaterThan(0.75 * before).isLessThan(1.05 * before);
    }

    @Test
    void useThatStopsForGoodFadesOutOnceTheWindowHasPassed() {
        IntToDoubleFunction stopped = hour -> hour < 10 * 24 ? steady(hour) : 60;

        var estimate = MODEL.estimate(readings(60 * 24, 6, stopped));

        assertThat(estimate.ratePerDay().orElseThrow()).isLessThan(0.05);
        assertThat(estimate.expectedDepletion()).isEmpty();
    }

    @Test
    void burstyUseGivesItsAverageRate() {
        // A pot of coffee's worth, 9 units, every other day at 8 in the morning.
        IntToDoubleFunction bursty = hour -> 100 - 9 * ((hour + 16) / 48);

        double rate = rate(readings(20 * 24, 3, bursty));

        assertThat(rate).isCloseTo(4.5, within(0.6));
    }

    @Test
    void slowUseOnACoarseSensorIsNotMistakenForAbsence() {
        // 0.25 units a day on a sensor that reports whole units: the level changes every four days.
        IntToDoubleFunction slow = hour -> Math.ceil(50 - 0.25 * hour / 24);

        double rate = rate(readings(40 * 24, 6, slow));

        assertThat(rate).isCloseTo(0.25, within(0.05));
    }

    @Test
    void theOrderOfTheReadingsDoesNotMatter() {
        var readings = readings(10 * 24, 6, ConsumptionModelTest::steady);
        var shuffled = new ArrayList<>(readings);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(MODEL.estimate(shuffled)).isEqualTo(MODEL.estimate(readings));
    }

    @Test
    void lessThanADayOfHistoryGivesNoRateAndNoDepletion() {
        ConsumptionEstimate estimate = MODEL.estimate(readings(18, 6, ConsumptionModelTest::steady));

        assertThat(estimate.ratePerDay()).isEmpty();
        assertThat(estimate.expectedDepletion()).isEmpty();
        assertThat(estimate.level()).isCloseTo(97, within(0.01));
    }

    @Test
    void aReadingOutsideZeroToCapacityIsRefused() {
        assertThatThrownBy(() -> new SlotReading(START, 101, 100))
                .isInstanceOfSatisfying(
                        CornerException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REMAINING"));
        assertThatThrownBy(() -> new SlotReading(START, 0, 0))
                .isInstanceOfSatisfying(
                        CornerException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CAPACITY"));
        assertThatThrownBy(() -> new SlotReading(START, Double.NaN, 10))
                .isInstanceOfSatisfying(
                        CornerException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REMAINING"));
    }
}
