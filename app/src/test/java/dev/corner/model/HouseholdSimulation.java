package dev.corner.model;

import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.ReplenishmentPolicy;
import dev.corner.devices.model.ReplenishmentPolicy.Outcome;
import dev.corner.devices.model.SlotReading;
import dev.corner.model.ConsumptionTraces.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays one trace hour by hour: the household uses what it needs (what is not there is a
 * stockout), the sensor reports every few hours, the forecaster estimates, the policy decides, and
 * an order placed is delivered after the lead time and tops the slot up by one full slot's worth;
 * what does not fit is over-ordered. One order is open at a time, as with a press.
 */
final class HouseholdSimulation {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration LEAD_TIME = Duration.ofDays(2);
    /** Readings older than this are not handed to the forecaster (the model looks back 42 days). */
    private static final Duration HISTORY = Duration.ofDays(43);

    /** An arrival with more than this share of capacity still in the slot came too early. */
    static final double EARLY = 0.4;

    /** What one run measured. */
    record Outcomes(int days, int stockoutDays, int arrivals, double leftAtArrival, int earlyArrivals) {

        static Outcomes sum(List<Outcomes> runs) {
            return new Outcomes(
                    runs.stream().mapToInt(Outcomes::days).sum(),
                    runs.stream().mapToInt(Outcomes::stockoutDays).sum(),
                    runs.stream().mapToInt(Outcomes::arrivals).sum(),
                    runs.stream().mapToDouble(Outcomes::leftAtArrival).sum(),
                    runs.stream().mapToInt(Outcomes::earlyArrivals).sum());
        }

        /** Days on which the household wanted some and the slot was empty, per 100 days. */
        double stockoutPercent() {
            return 100.0 * stockoutDays / days;
        }

        /**
         * Mean level when a delivery arrived, in percent of capacity. A delivery is one full slot,
         * so this is also the share of the units ordered that did not fit: the over-ordering.
         */
        double leftAtArrivalPercent() {
            return arrivals == 0 ? 0 : 100.0 * leftAtArrival / arrivals / ConsumptionTraces.CAPACITY;
        }

        /** Deliveries that arrived with more than {@link #EARLY} of capacity left, in percent. */
        double earlyPercent() {
            return arrivals == 0 ? 0 : 100.0 * earlyArrivals / arrivals;
        }

        double ordersPerYear() {
            return arrivals * 365.0 / days;
        }
    }

    /** What the simulation asks for a forecast: the readings so far, and (for the oracle) the truth. */
    interface Forecaster {
        ConsumptionEstimate estimate(List<SlotReading> readings, double trueLevel, Trace trace);
    }

    static Outcomes run(Trace trace, Forecaster forecaster, ReplenishmentPolicy policy) {
        var sensorRandom = new SplittableRandom(trace.seed() * 31 + 7);
        double capacity = ConsumptionTraces.CAPACITY;
        double stock = capacity;
        var history = new ArrayDeque<SlotReading>();
        int arrivalHour = -1;
        int arrivals = 0;
        double leftAtArrival = 0;
        int early = 0;
        var stockoutDays = new boolean[ConsumptionTraces.DAYS];
        for (int hour = 0; hour < ConsumptionTraces.HOURS; hour++) {
            if (hour == arrivalHour) {
                arrivals++;
                leftAtArrival += stock;
                early += stock > EARLY * capacity ? 1 : 0;
                stock = capacity; // one full slot's worth arrives; what does not fit is over-ordered
                arrivalHour = -1;
            }
            stock = Math.min(capacity, stock + trace.topUps()[hour]);
            double wanted = trace.demand()[hour];
            double used = Math.min(stock, wanted);
            stock -= used;
            if (wanted - used > 1e-9) {
                stockoutDays[hour / 24] = true;
            }
            if (hour % trace.readingEveryHours() == 0) {
                var now = START.plus(Duration.ofHours(hour));
                history.addLast(new SlotReading(now, read(stock, trace.sensor(), sensorRandom), capacity));
                while (history.getFirst().measuredAt().isBefore(now.minus(HISTORY))) {
                    history.removeFirst();
                }
                if (arrivalHour < 0) {
                    var estimate = forecaster.estimate(new ArrayList<>(history), stock, trace);
                    if (policy.decide(estimate, LEAD_TIME, now).outcome() == Outcome.ORDER_NOW) {
                        arrivalHour = hour + (int) LEAD_TIME.toHours();
                    }
                }
            }
        }
        int empty = 0;
        for (boolean day : stockoutDays) {
            empty += day ? 1 : 0;
        }
        return new Outcomes(ConsumptionTraces.DAYS, empty, arrivals, leftAtArrival, early);
    }

    private static double read(double stock, ConsumptionTraces.Sensor sensor, SplittableRandom random) {
        double capacity = ConsumptionTraces.CAPACITY;
        double value = random.nextDouble() < sensor.spikeChance()
                ? random.nextDouble() * capacity
                : stock + sensor.noise() * gaussian(random);
        value = Math.round(value / sensor.step()) * sensor.step();
        return Math.max(0, Math.min(capacity, value));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private HouseholdSimulation() {}
}
