package dev.corner.devices.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Estimates how fast a slot is used up from its status reports, robustly. The method, in order
 * (docs/replenishment.md explains it with the figures of the backtest):
 *
 * <ol>
 *   <li><b>Window.</b> Only readings from the last {@link Parameters#window()} before the latest
 *       count; duplicates of one instant count once.
 *   <li><b>Sensor noise.</b> The noise is estimated from the readings themselves: σ is the median
 *       absolute second difference scaled to a standard deviation, which a trend or a refill barely
 *       moves. The sensor's resolution is the smallest change it ever reported.
 *   <li><b>Spikes.</b> A reading that differs by more than the spike threshold from both its
 *       neighbours, while they agree with each other, is a glitch and is dropped. A level step (use
 *       or refill) is not a spike, because one neighbour agrees with it. A sudden drop in the latest
 *       reading waits for the next reading to confirm it; a sudden rise is believed at once, because
 *       taking a refill for use would order too early and the reverse only waits one report.
 *   <li><b>Refills.</b> A rise of more than the refill threshold starts a new segment; the interval
 *       that holds the refill is left out (neither its time nor its use is known). Smaller rises are
 *       noise and stay in as negative use, so that noise cancels out instead of adding up.
 *   <li><b>Daily use.</b> The use between consecutive readings is spread evenly over the time
 *       between them and summed into days counted back from the latest reading, with the time each
 *       day was observed.
 *   <li><b>Absence.</b> A run of days whose total use stays below {@link Parameters#quietFraction()}
 *       of the usual rate (plus the noise allowance) and that lasts longer than {@link
 *       Parameters#idleGrace()} (or, for slow use, long enough that normal use would have shown) is a
 *       holiday: its days after the grace period count neither as time nor as use. So weeks away
 *       neither collapse the rate nor, once they end, leave it low; ordinary quiet days between
 *       bursts stay in.
 *   <li><b>Rate.</b> The rate per day is the exponentially weighted use divided by the equally
 *       weighted observed time, with weights halving every {@link Parameters#halfLife()} of observed
 *       time (days left out as absence do not age the days before them): a ratio of sums, so a
 *       burst counts exactly as much as the same use spread out, and sensor noise, which cancels
 *       between consecutive readings, enters only through the ends. It is known once {@link
 *       Parameters#minObserved()} has been observed, and is never negative.
 *   <li><b>Level.</b> The level now is the median of the readings of the current segment from the
 *       last {@link Parameters#levelSpan()}, each carried forward to the latest reading at the
 *       estimated rate, so a single noisy reading moves it little. The use counted so far is then
 *       made to end at this level rather than at the raw latest reading, which takes most of the
 *       noise of the newest reading out of the rate as well.
 * </ol>
 *
 * <p>Thresholds are in the slot's unit: the spike threshold is the largest of {@link
 * Parameters#noiseMultiple()} σ, {@link Parameters#spikeFraction()} of capacity and two sensor
 * steps; the refill threshold the largest of the same multiple of σ, {@link
 * Parameters#refillFraction()} of capacity and two steps; the noise allowance the larger of 3σ√2 and
 * one step.
 */
public final class ConsumptionModel {

    /**
     * The model's tuning; {@link #standard()} is what Corner uses and what the backtest measures.
     *
     * @param window how far back readings count
     * @param halfLife age at which a day's use weighs half as much as today's
     * @param refillFraction a rise above this fraction of capacity is a refill
     * @param spikeFraction a lone reading further than this fraction of capacity from both sides is
     *     a glitch
     * @param noiseMultiple how many noise standard deviations a step must exceed to be a refill or
     *     a spike
     * @param idleGrace how long a quiet stretch still counts as ordinary use before it is absence
     * @param quietFraction use below this fraction of the usual rate is quiet
     * @param minObserved observed time needed before a rate is given
     * @param levelSpan how far back readings count for the current level
     */
    public record Parameters(
            Duration window,
            Duration halfLife,
            double refillFraction,
            double spikeFraction,
            double noiseMultiple,
            Duration idleGrace,
            double quietFraction,
            Duration minObserved,
            Duration levelSpan) {

        public Parameters {
            requirePositive(window, "window");
            requirePositive(halfLife, "halfLife");
            requirePositive(idleGrace, "idleGrace");
            requirePositive(minObserved, "minObserved");
            requirePositive(levelSpan, "levelSpan");
            if (!(refillFraction > 0 && refillFraction < 1)
                    || !(spikeFraction > 0 && spikeFraction < 1)
                    || !(quietFraction >= 0 && quietFraction < 1)
                    || !(noiseMultiple > 0)) {
                throw new IllegalArgumentException("fractions must be within 0 to 1 and the noise multiple above 0");
            }
            if (minObserved.compareTo(window) > 0) {
                throw new IllegalArgumentException("minObserved cannot exceed the window");
            }
        }

        public static Parameters standard() {
            return new Parameters(
                    Duration.ofDays(42),
                    Duration.ofDays(7),
                    0.05,
                    0.03,
                    5,
                    Duration.ofDays(4),
                    0.25,
                    Duration.ofDays(1),
                    Duration.ofHours(12));
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    private static final double MILLIS_PER_DAY = 86_400_000;
    // A median absolute deviation times this is a standard deviation for normal noise; the second
    // difference of independent readings has √6 times the readings' deviation.
    private static final double MAD_TO_SIGMA = 1.4826 / Math.sqrt(6);

    private final Parameters parameters;

    public ConsumptionModel(Parameters parameters) {
        this.parameters = parameters;
    }

    public static ConsumptionModel standard() {
        return new ConsumptionModel(Parameters.standard());
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The estimate as of the latest of {@code readings}, which may come in any order. */
    public ConsumptionEstimate estimate(List<SlotReading> readings) {
        if (readings == null || readings.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one reading");
        }
        List<SlotReading> sorted = readings;
        if (!isSorted(readings)) {
            sorted = new ArrayList<>(readings);
            sorted.sort(Comparator.comparing(SlotReading::measuredAt));
        }
        var latest = sorted.get(sorted.size() - 1);
        long asOf = latest.measuredAt().toEpochMilli();
        long from = asOf - parameters.window().toMillis();
        var times = new double[sorted.size()];
        var levels = new double[sorted.size()];
        int count = 0;
        long previous = Long.MIN_VALUE;
        for (var reading : sorted) {
            long at = reading.measuredAt().toEpochMilli();
            if (at >= from && at != previous) {
                times[count] = (at - asOf) / MILLIS_PER_DAY;
                levels[count] = reading.remaining();
                count++;
            }
            previous = at;
        }
        return new Estimation(
                        Arrays.copyOf(times, count),
                        Arrays.copyOf(levels, count),
                        latest.capacity(),
                        latest.measuredAt())
                .run();
    }

    private static boolean isSorted(List<SlotReading> readings) {
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).measuredAt().isBefore(readings.get(i - 1).measuredAt())) {
                return false;
            }
        }
        return true;
    }

    /** One estimation over the readings of a window, oldest first; times are days before the latest. */
    private final class Estimation {
        private final int n;
        private final double[] t;
        private final double[] r;
        private final double capacity;
        private final Instant asOf;
        private final double windowDays = days(parameters.window());
        private final int buckets = (int) Math.ceil(windowDays);
        private final double[] use = new double[buckets];
        private final double[] seen = new double[buckets];

        Estimation(double[] t, double[] r, double capacity, Instant asOf) {
            this.n = t.length;
            this.t = t;
            this.r = r;
            this.capacity = capacity;
            this.asOf = asOf;
        }

        ConsumptionEstimate run() {
            double sigma = noise();
            double step = resolution();
            double spikeThreshold = Math.max(
                    Math.max(parameters.noiseMultiple() * sigma, parameters.spikeFraction() * capacity), 2 * step);
            double refillThreshold = Math.max(
                    Math.max(parameters.noiseMultiple() * sigma, parameters.refillFraction() * capacity), 2 * step);
            double allowance = Math.max(3 * Math.sqrt(2) * sigma, step);

            boolean[] kept = withoutSpikes(spikeThreshold);
            if (!contains(kept, true)) {
                Arrays.fill(kept, true); // readings that disagree everywhere: no basis to drop any
            }
            int segmentStart = -1;
            int previous = -1;
            for (int k = 0; k < n; k++) {
                if (!kept[k]) {
                    continue;
                }
                if (previous < 0 || r[k] - r[previous] > refillThreshold) {
                    segmentStart = k;
                } else {
                    spread(t[previous], t[k], r[previous] - r[k]);
                }
                previous = k;
            }
            double firstPass = weightedRate();
            if (firstPass > 0) {
                leaveOutAbsence(firstPass, allowance);
            }
            double observed = Arrays.stream(seen).sum();
            double estimated = weightedRate();
            if (observed < days(parameters.minObserved()) || !Double.isFinite(estimated)) {
                // Without a rate older readings cannot be carried forward: the latest kept one is the level.
                return new ConsumptionEstimate(
                        asOf, Math.max(0, Math.min(capacity, r[previous])), capacity, OptionalDouble.empty());
            }
            double level = level(kept, segmentStart, previous, Math.max(0, estimated));
            if (segmentStart < previous) {
                // The use counted so far ends at the latest reading, noise and all; end it at the
                // estimated level instead, so that one noisy reading moves the rate less.
                double smoothed = level - Math.max(0, estimated) * t[previous];
                int day = Math.min(buckets - 1, dayOf(t[previous]));
                if (seen[day] > 0) {
                    use[day] += r[previous] - smoothed;
                    estimated = weightedRate();
                }
            }
            return new ConsumptionEstimate(asOf, level, capacity, OptionalDouble.of(Math.max(0, estimated)));
        }

        private double noise() {
            if (n < 3) {
                return 0;
            }
            double[] second = new double[n - 2];
            for (int i = 1; i < n - 1; i++) {
                second[i - 1] = Math.abs(r[i + 1] - 2 * r[i] + r[i - 1]);
            }
            return median(second) * MAD_TO_SIGMA;
        }

        private double resolution() {
            double step = Double.POSITIVE_INFINITY;
            for (int i = 1; i < n; i++) {
                double change = Math.abs(r[i] - r[i - 1]);
                if (change > 0) {
                    step = Math.min(step, change);
                }
            }
            return Double.isInfinite(step) ? 0 : step;
        }

        /**
         * A spike is a lone reading that differs from both neighbours while they agree with each
         * other. At the ends only one side is there, and the two readings on it must agree.
         */
        private boolean[] withoutSpikes(double threshold) {
            boolean[] kept = new boolean[n];
            for (int i = 0; i < n; i++) {
                boolean spike;
                if (i > 0 && i < n - 1) {
                    spike = Math.abs(r[i] - r[i - 1]) > threshold
                            && Math.abs(r[i] - r[i + 1]) > threshold
                            && Math.abs(r[i - 1] - r[i + 1]) <= threshold;
                } else if (i > 0) {
                    // The latest reading: a sudden drop waits for the next report to confirm it.
                    spike = r[i - 1] - r[i] > threshold && (i < 2 || Math.abs(r[i - 1] - r[i - 2]) <= threshold);
                } else if (n > 2) {
                    spike = Math.abs(r[0] - r[1]) > threshold && Math.abs(r[1] - r[2]) <= threshold;
                } else {
                    spike = false;
                }
                kept[i] = !spike;
            }
            return kept;
        }

        /** Adds the use between two readings to the days it spans, evenly over time. */
        private void spread(double from, double to, double used) {
            double span = to - from;
            if (span <= 0) {
                return;
            }
            for (int day = dayOf(from); day <= dayOf(to) && day < buckets; day++) {
                if (day < 0) {
                    continue;
                }
                double start = Math.max(from, day - windowOffset());
                double end = Math.min(to, day + 1 - windowOffset());
                if (end > start) {
                    double share = (end - start) / span;
                    use[day] += used * share;
                    seen[day] += end - start;
                }
            }
        }

        /** Day index (oldest first) of a time given in days before the latest reading. */
        private int dayOf(double time) {
            return (int) Math.floor(time + windowOffset());
        }

        private double windowOffset() {
            return buckets;
        }

        /**
         * Use over observed time, each day weighted by its age in observed time: days left out as
         * absence do not age the days before them, so after a holiday the rate rests on the weeks
         * before it and the first days back, not on the first days back alone.
         */
        private double weightedRate() {
            double halfLife = days(parameters.halfLife());
            double used = 0;
            double time = 0;
            double age = 0;
            for (int day = buckets - 1; day >= 0; day--) {
                double weight = Math.pow(0.5, (age + seen[day] / 2) / halfLife);
                used += weight * use[day];
                time += weight * seen[day];
                age += seen[day];
            }
            return time > 0 ? used / time : Double.NaN;
        }

        private void leaveOutAbsence(double usualRate, double allowance) {
            double grace = days(parameters.idleGrace());
            double minimum = Math.max(grace, 3 * allowance / usualRate);
            int day = 0;
            while (day < buckets) {
                if (seen[day] == 0) {
                    day++;
                    continue;
                }
                int end = -1;
                double used = 0;
                double time = 0;
                double quietTime = 0;
                for (int last = day; last < buckets; last++) {
                    used += use[last];
                    time += seen[last];
                    double bound = parameters.quietFraction() * usualRate * time + allowance;
                    if (used <= bound) {
                        end = last;
                        quietTime = time;
                    } else if (used > bound + 2 * allowance) {
                        break; // noise cannot bring use this far above the bound back under it
                    }
                }
                if (end < 0 || quietTime < minimum) {
                    day++;
                    continue;
                }
                double counted = 0;
                for (int k = day; k <= end; k++) {
                    if (counted >= grace) {
                        use[k] = 0;
                        seen[k] = 0;
                    } else {
                        counted += seen[k];
                    }
                }
                day = end + 1;
            }
        }

        private double level(boolean[] kept, int segmentStart, int last, double rate) {
            double span = days(parameters.levelSpan());
            var carried = new ArrayList<Double>();
            for (int k = Math.max(segmentStart, 0); k < n; k++) {
                if (kept[k] && t[k] >= -span) {
                    carried.add(r[k] + rate * t[k]);
                }
            }
            if (carried.isEmpty()) {
                carried.add(r[last] + rate * t[last]);
            }
            double level =
                    median(carried.stream().mapToDouble(Double::doubleValue).toArray());
            return Math.max(0, Math.min(capacity, level));
        }
    }

    private static boolean contains(boolean[] values, boolean wanted) {
        for (boolean value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }

    private static double days(Duration duration) {
        return duration.toMillis() / MILLIS_PER_DAY;
    }

    /** The median, by selection rather than sorting: this runs on every status report. */
    static double median(double[] values) {
        var work = values.clone();
        int middle = work.length / 2;
        double upper = select(work, middle);
        if (work.length % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < middle; i++) {
            lower = Math.max(lower, work[i]); // select left the smaller half below middle
        }
        return (lower + upper) / 2;
    }

    /** Hoare's selection: afterwards work[k] holds the k-th smallest, smaller ones before it. */
    private static double select(double[] work, int k) {
        int left = 0;
        int right = work.length - 1;
        while (left < right) {
            double pivot = work[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (work[i] < pivot) {
                    i++;
                }
                while (work[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = work[i];
                    work[i] = work[j];
                    work[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return work[k];
    }
}
