package dev.corner.devices.internal;

import dev.corner.common.AccountId;
import dev.corner.common.GeoPoint;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.devices.HouseholdSettings.Settings;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.RepeatPresses;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households' consent, limits and pause; a household without a row has the defaults. */
@Repository
public class SettingsRecords {

    private final JdbcClient jdbc;

    SettingsRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Settings> find(AccountId household) {
        return jdbc.sql("select * from device_household_settings where household_id = :household")
                .param("household", household.value())
                .query((rs, n) -> settings(rs))
                .optional();
    }

    /** The settings in the current row of {@code rs}, a row of {@code device_household_settings}. */
    static Settings settings(ResultSet rs) throws SQLException {
        var currency = rs.getString("currency");
        var order = (Long) rs.getObject("order_limit");
        var monthly = (Long) rs.getObject("monthly_limit");
        return new Settings(
                Consent.valueOf(rs.getString("consent")),
                rs.getInt("cancel_window_minutes"),
                rs.getInt("price_guard_percent"),
                order == null ? null : new Money(order, currency),
                monthly == null ? null : new Money(monthly, currency),
                rs.getInt("presses_per_minute"),
                rs.getBoolean("paused"),
                RepeatPresses.valueOf(rs.getString("repeat_presses")),
                rs.getInt("max_order_quantity"),
                rs.getObject("latitude") == null
                        ? null
                        : new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")));
    }

    public void save(AccountId household, Settings settings, Instant at) {
        var currency = settings.orderLimit() != null
                ? settings.orderLimit().currency()
                : settings.monthlyLimit() != null ? settings.monthlyLimit().currency() : null;
        jdbc.sql("""
                        insert into device_household_settings (household_id, consent, cancel_window_minutes,
                               price_guard_percent, order_limit, monthly_limit, currency, presses_per_minute, paused,
                               repeat_presses, max_order_quantity, latitude, longitude, updated_at)
                        values (:household, :consent, :window, :guard, :order, :monthly, :currency, :presses, :paused,
                                :repeat, :maxQuantity, :latitude, :longitude, :at)
                        on conflict (household_id) do update set consent = excluded.consent,
                               cancel_window_minutes = excluded.cancel_window_minutes,
                               price_guard_percent = excluded.price_guard_percent, order_limit = excluded.order_limit,
                               monthly_limit = excluded.monthly_limit, currency = excluded.currency,
                               presses_per_minute = excluded.presses_per_minute, paused = excluded.paused,
                               repeat_presses = excluded.repeat_presses,
                               max_order_quantity = excluded.max_order_quantity, latitude = excluded.latitude,
                               longitude = excluded.longitude, updated_at = excluded.updated_at""")
                .param("household", household.value())
                .param("consent", settings.consent().name())
                .param("window", settings.cancelWindowMinutes())
                .param("guard", settings.priceGuardPercent())
                .param(
                        "order",
                        settings.orderLimit() == null
                                ? null
                                : settings.orderLimit().amount())
                .param(
                        "monthly",
                        settings.monthlyLimit() == null
                                ? null
                                : settings.monthlyLimit().amount())
                .param("currency", currency)
                .param("presses", settings.pressesPerMinute())
                .param("paused", settings.paused())
                .param("repeat", settings.repeatPresses().name())
                .param("maxQuantity", settings.maxOrderQuantity())
                .param(
                        "latitude",
                        settings.home() == null ? null : settings.home().latitude())
                .param(
                        "longitude",
                        settings.home() == null ? null : settings.home().longitude())
                .param("at", SqlTime.utc(at))
                .update();
    }
}
