package dev.corner.devices;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.devices.internal.SettingsRecords;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.RepeatPresses;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a household consents to what its devices order, what they may spend, and whether they may. */
@Service
public class HouseholdSettings {

    /**
     * A household's settings. Limits are null when there is none; {@code orderLimit} and {@code
     * monthlyLimit} share one currency. {@code home} is where stores are measured from for slots
     * bound by distance; null until the household gives it.
     */
    public record Settings(
            Consent consent,
            int cancelWindowMinutes,
            int priceGuardPercent,
            Money orderLimit,
            Money monthlyLimit,
            int pressesPerMinute,
            boolean paused,
            RepeatPresses repeatPresses,
            int maxOrderQuantity,
            GeoPoint home) {

        public static final Settings DEFAULT = new Settings(
                Consent.CANCEL_WINDOW, 30, 10, null, null, 10, false, RepeatPresses.ORDER_IN_PROGRESS, 5, null);

        public Duration cancelWindow() {
            return Duration.ofMinutes(cancelWindowMinutes);
        }
    }

    /** What the household asked to change; null members stay as they are, a limit of 0 removes it. */
    public record Changes(
            Consent consent,
            Integer cancelWindowMinutes,
            Integer priceGuardPercent,
            Money orderLimit,
            Money monthlyLimit,
            Integer pressesPerMinute,
            Boolean paused,
            RepeatPresses repeatPresses,
            Integer maxOrderQuantity,
            GeoPoint home) {}

    private final SettingsRecords records;
    private final Clock clock;

    HouseholdSettings(SettingsRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings of(Caller household) {
        household.requireRole(Role.HOUSEHOLD);
        return records.find(household.accountId()).orElse(Settings.DEFAULT);
    }

    @Transactional
    public Settings change(Caller household, Changes changes) {
        var now = of(household);
        var window = pick(changes.cancelWindowMinutes(), now.cancelWindowMinutes());
        if (window < 0 || window > 1440) {
            throw CornerException.invalid("INVALID_SETTINGS", "cancelWindowMinutes is 0 to 1440");
        }
        var guard = pick(changes.priceGuardPercent(), now.priceGuardPercent());
        if (guard < 0 || guard > 1000) {
            throw CornerException.invalid("INVALID_SETTINGS", "priceGuardPercent is 0 to 1000");
        }
        var presses = pick(changes.pressesPerMinute(), now.pressesPerMinute());
        if (presses < 1 || presses > 60) {
            throw CornerException.invalid("INVALID_SETTINGS", "pressesPerMinute is 1 to 60");
        }
        var maxQuantity = pick(changes.maxOrderQuantity(), now.maxOrderQuantity());
        if (maxQuantity < 1 || maxQuantity > 99) {
            throw CornerException.invalid("INVALID_SETTINGS", "maxOrderQuantity is 1 to 99");
        }
        var orderLimit = limit(changes.orderLimit(), now.orderLimit(), "orderLimit");
        var monthlyLimit = limit(changes.monthlyLimit(), now.monthlyLimit(), "monthlyLimit");
        if (orderLimit != null && monthlyLimit != null && !orderLimit.currency().equals(monthlyLimit.currency())) {
            throw CornerException.invalid("CURRENCY_MISMATCH", "a household's limits share one currency");
        }
        // Only a change of a limit is checked, so that pausing works whatever limits were kept before.
        if (changes.orderLimit() != null || changes.monthlyLimit() != null) {
            requireNotAbove(orderLimit, "orderLimit", monthlyLimit, "monthlyLimit");
        }
        var changed = new Settings(
                changes.consent() == null ? now.consent() : changes.consent(),
                window,
                guard,
                orderLimit,
                monthlyLimit,
                presses,
                changes.paused() == null ? now.paused() : changes.paused(),
                changes.repeatPresses() == null ? now.repeatPresses() : changes.repeatPresses(),
                maxQuantity,
                changes.home() == null ? now.home() : changes.home());
        records.save(household.accountId(), changed, clock.instant());
        return changed;
    }

    private static int pick(Integer asked, int current) {
        return asked == null ? current : asked;
    }

    /**
     * Refuses a limit above the wider one it sits in (an order or a day within a month): it could
     * never be reached, so the household most likely typed one of them wrong. Both are the limits
     * as they would be after the change, in one currency; null is no limit, which fits any.
     */
    static void requireNotAbove(Money limit, String field, Money wider, String widerField) {
        if (limit != null && wider != null && limit.exceeds(wider)) {
            throw CornerException.invalid(
                    "LIMIT_ABOVE_MONTHLY",
                    field + " must not be above " + widerField + " (" + limit.display() + " > " + wider.display()
                            + ")");
        }
    }

    /**
     * A limit as asked: absent keeps the current one, 0 removes it, below 0 is refused, naming the
     * {@code field} it was asked in.
     */
    public static Money limit(Money asked, Money current, String field) {
        if (asked == null) {
            return current;
        }
        if (asked.belowZero()) {
            throw CornerException.invalid("INVALID_SETTINGS", field + " is 0 (none) or more");
        }
        return asked.amount() == 0 ? null : asked;
    }
}
