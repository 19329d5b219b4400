package dev.corner.devices.model;

import dev.corner.common.Money;

/**
 * Whether an order from a press waits for the household's explicit confirmation. The household
 * chooses a mode, a device may override it, and a slot bound with {@code CONFIRM_EACH} always asks.
 * Whatever the mode, the price guard asks when the price rose more than the household's bound
 * above the price when the slot was bound.
 */
public record ConsentPolicy(Consent household, Consent deviceOverride, Consent slot, int priceGuardPercent) {

    public ConsentPolicy {
        if (household == null) {
            throw new IllegalArgumentException("a household always has a consent mode");
        }
        if (priceGuardPercent < 0) {
            throw new IllegalArgumentException("the price guard is a percentage of 0 or more");
        }
    }

    /** Whose choice the mode that applies is. */
    public enum Source {
        SLOT,
        DEVICE,
        HOUSEHOLD
    }

    /** The mode that applies: the slot's if it asks each time, else the device's, else the household's. */
    public Consent mode() {
        return switch (source()) {
            case SLOT -> slot;
            case DEVICE -> deviceOverride;
            case HOUSEHOLD -> household;
        };
    }

    /** Whose mode applies, by the rule of {@link #mode()}. */
    public Source source() {
        if (slot == Consent.CONFIRM_EACH) {
            return Source.SLOT;
        }
        return deviceOverride != null ? Source.DEVICE : Source.HOUSEHOLD;
    }

    /** Why the order must wait for a confirmation, or null if it may be placed at once. */
    public String confirmationReason(Money boundUnitPrice, Money unitPrice) {
        if (mode() == Consent.CONFIRM_EACH) {
            return "CONFIRM_EACH";
        }
        return PriceGuard.of(priceGuardPercent).rose(boundUnitPrice, unitPrice) ? "PRICE_GUARD" : null;
    }

    /** The price guard: a unit price more than {@code percent} above the price at binding needs a yes. */
    public record PriceGuard(int percent) {

        public static PriceGuard of(int percent) {
            return new PriceGuard(percent);
        }

        public boolean rose(Money reference, Money price) {
            if (reference == null || !reference.currency().equals(price.currency())) {
                return false;
            }
            // price > reference × (1 + percent/100), in integers: 100·price > (100 + percent)·reference.
            return Math.multiplyExact(price.amount(), 100L) > Math.multiplyExact(reference.amount(), 100L + percent);
        }
    }
}
