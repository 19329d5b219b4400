package dev.corner.devices;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.SettingsRecords;
import dev.corner.orders.Ordering;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a household's devices spent today and this calendar month (UTC), per device and in total,
 * next to the limits that apply: counted as the limits count it, orders awaiting confirmation,
 * placed or completed, not cancelled or expired ones.
 */
@Service
public class HouseholdSpending {

    /** Amounts are shown in this currency when nothing about the household names one. */
    static final String FALLBACK_CURRENCY = "EUR";

    /** One device's spending and its own limits (null: none). */
    public record DeviceSpending(
            DeviceId deviceId,
            String serial,
            boolean revoked,
            Money today,
            Money thisMonth,
            Money dailyLimit,
            Money monthlyLimit) {}

    /**
     * The household's spending: {@code total} is this month's across its devices, against {@code
     * monthlyLimit}; {@code orderLimit} caps each order. Limits are null when there is none.
     */
    public record Spending(
            Instant monthStart,
            Instant dayStart,
            Money total,
            Money monthlyLimit,
            Money orderLimit,
            List<DeviceSpending> devices) {}

    private record Limited(DeviceRecords.Device device, DeviceRecords.Overrides overrides) {}

    private final DeviceRecords devices;
    private final SettingsRecords settings;
    private final Ordering ordering;
    private final Clock clock;

    HouseholdSpending(DeviceRecords devices, SettingsRecords settings, Ordering ordering, Clock clock) {
        this.devices = devices;
        this.settings = settings;
        this.ordering = ordering;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Spending of(Caller household) {
        household.requireRole(Role.HOUSEHOLD);
        var now = clock.instant();
        var day = now.truncatedTo(ChronoUnit.DAYS);
        var month = monthStart(now);
        var account = household.accountId();
        var own = settings.find(account).orElse(HouseholdSettings.Settings.DEFAULT);
        var owned = devices.devicesEverOf(account).stream()
                .map(d -> new Limited(d, devices.overrides(d.id())))
                .toList();
        // A household spends in one currency: the one its limits or its slots' price caps name.
        var currency = Stream.concat(
                        Stream.of(own.monthlyLimit(), own.orderLimit()),
                        owned.stream()
                                .flatMap(o -> Stream.concat(
                                        Stream.of(
                                                o.overrides().dailyLimit(),
                                                o.overrides().monthlyLimit()),
                                        devices.slots(o.device().id()).stream()
                                                .filter(slot -> slot.policy() != null)
                                                .map(slot -> slot.policy().maxUnitPrice()))))
                .filter(Objects::nonNull)
                .map(Money::currency)
                .findFirst()
                .orElse(FALLBACK_CURRENCY);
        var perDevice = owned.stream()
                .map(o -> {
                    var prefix = "device:" + o.device().id() + "/";
                    return new DeviceSpending(
                            o.device().id(),
                            o.device().serial(),
                            o.device().status() == DeviceRecords.Status.REVOKED,
                            new Money(ordering.spentSince(account, prefix, day), currency),
                            new Money(ordering.spentSince(account, prefix, month), currency),
                            o.overrides().dailyLimit(),
                            o.overrides().monthlyLimit());
                })
                .toList();
        return new Spending(
                month,
                day,
                new Money(ordering.spentSince(account, Pressing.SOURCE_PREFIX, month), currency),
                own.monthlyLimit(),
                own.orderLimit(),
                perDevice);
    }

    /**
     * This month's total of {@link #of}, its amount alone, in one query: what a page showing it
     * watches for changes.
     */
    @Transactional(readOnly = true)
    public long totalThisMonth(Caller household) {
        household.requireRole(Role.HOUSEHOLD);
        return ordering.spentSince(household.accountId(), Pressing.SOURCE_PREFIX, monthStart(clock.instant()));
    }

    private static Instant monthStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
    }
}
