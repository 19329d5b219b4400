package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.ConsumptionModel;
import dev.corner.devices.model.ReplenishmentPolicy;
import dev.corner.model.ConsumptionTraces.Family;
import dev.corner.model.HouseholdSimulation.Forecaster;
import dev.corner.model.HouseholdSimulation.Outcomes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backtest of docs/replenishment.md: for each family of synthetic households, a year of use
 * played against the consumption model and the standard policy (lead time 2 days, margin 2 days),
 * over 20 seeded traces. The model must stay within the family's bounds, and the naive forecaster
 * (the drop between the last two readings) must break them, so that the bounds are known to be
 * tight enough to catch a model that does not do the work.
 */
class ReplenishmentBacktestTest {

    static final int SEEDS = 20;

    /**
     * Upper bounds, chosen from the measured figures with some headroom (docs/replenishment.md has
     * both): stockout days in percent of days, mean level left when a delivery arrived in percent of
     * capacity (what did not fit: over-ordering), and deliveries that arrived with more than 40 % of
     * capacity left in percent of deliveries.
     */
    record Bounds(double stockoutPercent, double leftAtArrivalPercent, double earlyPercent) {
        boolean hold(Outcomes outcomes) {
            return outcomes.stockoutPercent() <= stockoutPercent
                    && outcomes.leftAtArrivalPercent() <= leftAtArrivalPercent
                    && outcomes.earlyPercent() <= earlyPercent;
        }
    }

    static final Map<Family, Bounds> BOUNDS = new EnumMap<>(Map.of(
            Family.STEADY, new Bounds(0.2, 14, 2),
            Family.CHANGE, new Bounds(0.3, 20, 5),
            Family.BURSTY, new Bounds(2.5, 17, 6),
            Family.HOLIDAYS, new Bounds(0.15, 15, 3),
            Family.REFILLS, new Bounds(0.2, 20, 14),
            Family.NOISE, new Bounds(0.2, 15, 3),
            Family.EVERYTHING, new Bounds(1.5, 28, 20)));

    static final ConsumptionModel MODEL = ConsumptionModel.standard();
    static final ReplenishmentPolicy POLICY = ReplenishmentPolicy.standard();
    static final Forecaster OURS = (readings, trueLevel, trace) -> MODEL.estimate(readings);
    static final Forecaster NAIVE = (readings, trueLevel, trace) -> NaiveConsumptionModel.estimate(readings);
    /** Not a contender: a perfect sensor and the trace's true average rate over the year, for scale. */
    static final Forecaster ORACLE = (readings, trueLevel, trace) -> new ConsumptionEstimate(
            readings.get(readings.size() - 1).measuredAt(),
            trueLevel,
            ConsumptionTraces.CAPACITY,
            OptionalDouble.of(trace.meanRatePerDay()));

    private static final Map<Family, String> ROWS = new EnumMap<>(Family.class);

    @ParameterizedTest
    @EnumSource(Family.class)
    void theModelKeepsTheFamilysBoundsWhereTheNaiveForecastBreaksThem(Family family) {
        var ours = new ArrayList<Outcomes>();
        var naive = new ArrayList<Outcomes>();
        var oracle = new ArrayList<Outcomes>();
        for (int seed = 0; seed < SEEDS; seed++) {
            var trace = ConsumptionTraces.trace(family, seed);
            ours.add(HouseholdSimulation.run(trace, OURS, POLICY));
            naive.add(HouseholdSimulation.run(trace, NAIVE, POLICY));
            oracle.add(HouseholdSimulation.run(trace, ORACLE, POLICY));
        }
        var model = Outcomes.sum(ours);
        var baseline = Outcomes.sum(naive);
        ROWS.put(family, row(family, model, baseline, Outcomes.sum(oracle)));

        var bounds = BOUNDS.get(family);
        assertThat(model.stockoutPercent()).as("stockout days %").isLessThanOrEqualTo(bounds.stockoutPercent());
        assertThat(model.leftAtArrivalPercent())
                .as("left at arrival %")
                .isLessThanOrEqualTo(bounds.leftAtArrivalPercent());
        assertThat(model.earlyPercent()).as("early arrivals %").isLessThanOrEqualTo(bounds.earlyPercent());
        assertThat(bounds.hold(baseline))
                .as("the naive forecast must break the bounds: %s", baseline)
                .isFalse();
    }

    @AfterAll
    static void printTheTable() {
        System.out.println("Replenishment backtest, " + SEEDS + " households a family, 365 days each, lead time "
                + HouseholdSimulation.LEAD_TIME.toDays() + " d, margin "
                + POLICY.safetyMargin().toDays() + " d");
        System.out.println(String.format(
                Locale.ROOT,
                "%-10s | %-27s | %-27s | %-27s",
                "",
                "model: empty% left% early%",
                "naive: empty% left% early%",
                "oracle: empty% left% early%"));
        ROWS.values().forEach(System.out::println);
    }

    private static String row(Family family, Outcomes... outcomes) {
        var line = new StringBuilder(String.format(Locale.ROOT, "%-10s", family));
        for (var o : outcomes) {
            line.append(String.format(
                    Locale.ROOT,
                    " | %6.2f %6.1f %6.1f (%3.0f/y)",
                    o.stockoutPercent(),
                    o.leftAtArrivalPercent(),
                    o.earlyPercent(),
                    o.ordersPerYear()));
        }
        return line.toString();
    }
}
