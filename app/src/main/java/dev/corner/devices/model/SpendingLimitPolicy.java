package dev.corner.devices.model;

import dev.corner.common.Money;
import java.util.Optional;

/**
 * The household's spending limits: per order, per device per day and per month, and per household
 * per month; null means no limit. Days and months are calendar days and months in UTC. An order is
 * refused when it would take what was spent past any of them.
 */
public record SpendingLimitPolicy(
        Money perOrder, Money perDevicePerDay, Money perDevicePerMonth, Money perHouseholdPerMonth) {

    /** What was spent already, in minor units: orders awaiting confirmation, placed or completed. */
    public record Spent(long deviceToday, long deviceThisMonth, long householdThisMonth) {}

    /** The limit an order of {@code total} would break, by name, or empty if it fits all of them. */
    public Optional<String> exceededBy(Money total, Spent spent) {
        return exceededBy(total, 0, spent);
    }

    /**
     * The limit that {@code total} more, added to an order already worth {@code inOrder} (minor
     * units), would break, by name, or empty if it fits all of them.
     */
    public Optional<String> exceededBy(Money total, long inOrder, Spent spent) {
        if (over(perOrder, inOrder, total)) {
            return Optional.of("PER_ORDER");
        }
        if (over(perDevicePerDay, spent.deviceToday(), total)) {
            return Optional.of("PER_DEVICE_PER_DAY");
        }
        if (over(perDevicePerMonth, spent.deviceThisMonth(), total)) {
            return Optional.of("PER_DEVICE_PER_MONTH");
        }
        if (over(perHouseholdPerMonth, spent.householdThisMonth(), total)) {
            return Optional.of("PER_HOUSEHOLD_PER_MONTH");
        }
        return Optional.empty();
    }

    public boolean any() {
        return perOrder != null || perDevicePerDay != null || perDevicePerMonth != null || perHouseholdPerMonth != null;
    }

    private static boolean over(Money limit, long spent, Money total) {
        return limit != null
                && limit.currency().equals(total.currency())
                && Math.addExact(spent, total.amount()) > limit.amount();
    }
}
