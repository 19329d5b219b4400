package dev.corner.devices.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "Order when the slot would run empty before a new order could arrive, with a margin": an order is
 * due now when the time left until the expected depletion is less than the offer's lead time plus
 * the safety margin. Without a forecast (too little history, or no use) nothing is due.
 */
public record ReplenishmentPolicy(Duration safetyMargin) {

    /** The margin the backtest in docs/replenishment.md was measured with. */
    public static final Duration STANDARD_MARGIN = Duration.ofDays(2);

    public ReplenishmentPolicy {
        if (safetyMargin == null || safetyMargin.isNegative()) {
            throw new IllegalArgumentException("the safety margin must be zero or more");
        }
    }

    public static ReplenishmentPolicy standard() {
        return new ReplenishmentPolicy(STANDARD_MARGIN);
    }

    public enum Outcome {
        /** Order now: it would arrive just before, or after, the slot runs empty. */
        ORDER_NOW,
        /** A forecast exists and there is still time; {@link Decision#orderBy()} says until when. */
        NOT_YET,
        /** No depletion is foreseen: too little history, or no use. */
        NO_FORECAST
    }

    /**
     * @param outcome what to do
     * @param orderBy the latest instant an order keeps the margin (in the past when due now); empty
     *     without a forecast
     * @param expectedDepletion when the slot runs empty at the estimated rate, if foreseen
     */
    public record Decision(Outcome outcome, Optional<Instant> orderBy, Optional<Instant> expectedDepletion) {}

    public Decision decide(ConsumptionEstimate estimate, Duration leadTime, Instant now) {
        if (leadTime == null || leadTime.isNegative()) {
            throw new IllegalArgumentException("the lead time must be zero or more");
        }
        var depletion = estimate.expectedDepletion();
        if (depletion.isEmpty()) {
            return new Decision(Outcome.NO_FORECAST, Optional.empty(), Optional.empty());
        }
        var orderBy = depletion.get().minus(leadTime).minus(safetyMargin);
        var outcome = now.isAfter(orderBy) ? Outcome.ORDER_NOW : Outcome.NOT_YET;
        return new Decision(outcome, Optional.of(orderBy), depletion);
    }
}
