package dev.corner.model;

import java.util.SplittableRandom;

/**
 * Synthetic households for the replenishment backtest: an hour-by-hour demand on one slot, the
 * household's own top-ups, and the sensor that reports the level. Every trace is a pure function
 * of its family and seed.
 */
final class ConsumptionTraces {

    static final double CAPACITY = 100;
    static final int DAYS = 365;
    static final int HOURS = DAYS * 24;
    private static final int[] READING_INTERVALS_HOURS = {2, 4, 6, 12};

    /** How a slot's sensor reports: Gaussian noise, occasional garbage readings, and its step. */
    record Sensor(double noise, double spikeChance, double step) {
        static final Sensor CLEAN = new Sensor(0, 0, 1);
        static final Sensor NOISY = new Sensor(2, 0.01, 1);
    }

    record Trace(
            Family family,
            long seed,
            double meanRatePerDay,
            double[] demand,
            double[] topUps,
            Sensor sensor,
            int readingEveryHours) {}

    enum Family {
        /** Use every waking hour at a rate that varies a little from day to day. */
        STEADY(false, false, false, false),
        /** Steady use that doubles or halves for good on some day (a baby, a flatmate moving out). */
        CHANGE(false, false, false, false),
        /** Use in bursts (a dishwasher run, a pot of coffee), sometimes a party's worth at once. */
        BURSTY(true, false, false, false),
        /** Steady use with two to four absences a year of one to three weeks without any use. */
        HOLIDAYS(false, true, false, false),
        /** Steady use; every two to four weeks the household tops the slot up from its own supply. */
        REFILLS(false, false, true, false),
        /** Steady use through a noisy sensor (σ = 2 % of capacity) that sends 1 % garbage readings. */
        NOISE(false, false, false, true),
        /** Bursty use with holidays, own top-ups and the noisy sensor at once. */
        EVERYTHING(true, true, true, true);

        final boolean bursty;
        final boolean holidays;
        final boolean refills;
        final boolean noisy;

        Family(boolean bursty, boolean holidays, boolean refills, boolean noisy) {
            this.bursty = bursty;
            this.holidays = holidays;
            this.refills = refills;
            this.noisy = noisy;
        }
    }

    static Trace trace(Family family, long seed) {
        var random = new SplittableRandom(family.ordinal() * 1_000_003L + seed);
        double ratePerDay = 3 + random.nextDouble() * 5; // a full slot lasts 12 to 33 days
        var demand = new double[HOURS];
        int changeDay = family == Family.CHANGE ? 90 + random.nextInt(180) : DAYS;
        double factor = random.nextBoolean() ? 2 : 0.5;
        for (int day = 0; day < DAYS; day++) {
            double today = ratePerDay * (day >= changeDay ? factor : 1) * (0.8 + 0.4 * random.nextDouble());
            if (family.bursty) {
                burst(demand, day, today, random);
            } else {
                for (int hour = 7; hour < 23; hour++) {
                    demand[day * 24 + hour] += today / 16;
                }
            }
        }
        if (family.holidays) {
            int absences = 2 + random.nextInt(3);
            for (int i = 0; i < absences; i++) {
                int start = 20 + random.nextInt(DAYS - 45);
                int length = 7 + random.nextInt(15);
                for (int h = start * 24; h < Math.min(HOURS, (start + length) * 24); h++) {
                    demand[h] = 0;
                }
            }
        }
        var topUps = new double[HOURS];
        if (family.refills) {
            for (int day = 10 + random.nextInt(20); day < DAYS; day += 14 + random.nextInt(15)) {
                topUps[day * 24 + 8 + random.nextInt(12)] = 20 + random.nextInt(41);
            }
        }
        var sensor = family.noisy ? Sensor.NOISY : Sensor.CLEAN;
        int every = READING_INTERVALS_HOURS[random.nextInt(READING_INTERVALS_HOURS.length)];
        double total = 0;
        for (double hour : demand) {
            total += hour;
        }
        return new Trace(family, seed, total / DAYS, demand, topUps, sensor, every);
    }

    /**
     * A day's use in bursts: on average 0.7 bursts a day (so many days have none and the day's
     * share waits for the next burst), and on one day in fifty a party that uses three days' worth.
     */
    private static void burst(double[] demand, int day, double today, SplittableRandom random) {
        double perBurst = today / 0.7;
        int bursts = poisson(0.7, random);
        for (int i = 0; i < bursts; i++) {
            double size = perBurst * (0.5 + random.nextDouble());
            demand[day * 24 + 7 + random.nextInt(16)] += size;
        }
        if (random.nextDouble() < 0.02) {
            demand[day * 24 + 19] += 3 * today;
        }
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private ConsumptionTraces() {}
}
