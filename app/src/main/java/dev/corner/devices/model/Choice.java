package dev.corner.devices.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /** Why a policy has nothing to order, from the first of the policy's filters that empties the list. */
    public enum Shortfall {
        /** No allowed store offers any acceptable product (in the cap's currency). */
        NOT_OFFERED,
        /** Every offer costs more than the unit-price cap. */
        ABOVE_PRICE_CAP,
        /** Offers within the cap exist, but none has the quantity in stock. */
        OUT_OF_STOCK
    }

    /** Why nothing of the policy can be ordered, when {@link #rank} is empty. */
    public static Shortfall shortfall(SlotPolicy policy, List<Candidate> offered) {
        var inCurrency = offered.stream()
                .filter(c -> c.price().currency().equals(policy.maxUnitPrice().currency()))
                .toList();
        if (inCurrency.isEmpty()) {
            return Shortfall.NOT_OFFERED;
        }
        return inCurrency.stream().anyMatch(c -> !c.price().exceeds(policy.maxUnitPrice()))
                ? Shortfall.OUT_OF_STOCK
                : Shortfall.ABOVE_PRICE_CAP;
    }

    /**
     * The {@link Shortfall} as the reason of an {@code UNAVAILABLE} press answer: {@code NOT_OFFERED},
     * {@code ABOVE_PRICE_CAP} or {@code OUT_OF_STOCK}.
     */
    public static String whyNothing(SlotPolicy policy, List<Candidate> offered) {
        return shortfall(policy, offered).name();
    }

    /** The lowest price among the offers in the cap's currency, whatever their stock. */
    public static Optional<Candidate> cheapestOffer(SlotPolicy policy, List<Candidate> offered) {
        return offered.stream()
                .filter(c -> c.price().currency().equals(policy.maxUnitPrice().currency()))
                .min(Comparator.comparingLong(c -> c.price().amount()));
    }
}
