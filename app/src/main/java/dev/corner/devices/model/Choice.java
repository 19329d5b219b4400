package dev.corner.devices.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The rule that turns a slot's policy and what the stores offer into an ordered list of what to try:
 * only candidates within the price cap and with enough stock, in the order the strategy prefers.
 */
public final class Choice {

    private Choice() {}

    /**
     * @param offered every (product, store) pair of the policy that has an offer, in the policy's
     *     order: products first, then stores.
     */
    public static List<Candidate> rank(SlotPolicy policy, List<Candidate> offered, long quantity) {
        var fitting = offered.stream()
                .filter(c -> c.price().currency().equals(policy.maxUnitPrice().currency()))
                .filter(c -> !c.price().exceeds(policy.maxUnitPrice()))
                .filter(c -> c.available() >= quantity)
                .toList();
        return switch (policy.strategy()) {
            case PREFERRED -> fitting;
            // A stable sort keeps the household's order among equal prices.
            case CHEAPEST ->
                fitting.stream()
                        .sorted(Comparator.comparingLong(c -> c.price().amount()))
                        .toList();
            // Earliest ready first; a store that does not open soon comes last; then the cheaper.
            case FASTEST ->
                fitting.stream()
                        .sorted(Comparator.comparing(
                                        Candidate::readyAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                                .thenComparingLong(c -> c.price().amount()))
                        .toList();
        };
    }
}
