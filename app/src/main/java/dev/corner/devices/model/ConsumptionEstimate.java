package dev.corner.devices.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a slot's readings say as of its latest reading: the level then (noise filtered), and the
 * rate of use per day if there is enough history to tell. The slot runs empty at {@link
 * #expectedDepletion()} if use goes on at that rate.
 *
 * @param asOf when the latest reading was measured
 * @param level the estimated amount left at {@code asOf}, 0 to {@code capacity}
 * @param capacity how much the slot holds, from the latest reading
 * @param ratePerDay estimated use per day in the slot's unit; empty while the history is too short
 */
public record ConsumptionEstimate(Instant asOf, double level, double capacity, OptionalDouble ratePerDay) {

    /** Beyond this the slot is, for all purposes, not running out: no instant is predicted. */
    static final double HORIZON_DAYS = 3650;

    private static final double SECONDS_PER_DAY = 86_400;

    /** When the slot runs empty at the estimated rate; empty if the rate is unknown or (near) zero. */
    public Optional<Instant> expectedDepletion() {
        if (ratePerDay.isEmpty() || ratePerDay.getAsDouble() <= 0) {
            return Optional.empty();
        }
        double days = level / ratePerDay.getAsDouble();
        if (days > HORIZON_DAYS) {
            return Optional.empty();
        }
        return Optional.of(asOf.plusSeconds(Math.round(days * SECONDS_PER_DAY)));
    }

    /** How long until the slot runs empty, seen from {@code now}; negative if it should be empty already. */
    public Optional<Duration> timeLeft(Instant now) {
        return expectedDepletion().map(depletion -> Duration.between(now, depletion));
    }
}
