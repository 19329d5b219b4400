package dev.corner.devices.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.common.WriteOnceRows;
import dev.corner.devices.DeviceId;
import dev.corner.devices.HouseholdSettings.Settings;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.orders.Fulfilment;
import dev.corner.orders.OrderId;
import dev.corner.stores.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Device models, devices, their slots, presses and nonces, as stored. */
@Repository
public class DeviceRecords {

    public record ModelSlot(String slotId, String unit, long capacity) {}

    public record Model(String id, AccountId maker, String name, String kind, List<ModelSlot> slots) {}

    public enum Status {
        PROVISIONED,
        CLAIMED,
        REVOKED
    }

    public record Device(
            DeviceId id,
            String modelId,
            String serial,
            AccountId household,
            Status status,
            boolean paused,
            byte[] sealedSecret,
            String claimCodeHash,
            String firmware,
            Integer battery,
            Instant lastSeenAt) {}

    public record Slot(
            DeviceId deviceId,
            String slotId,
            String unit,
            long capacity,
            SlotPolicy policy,
            OrderId openOrder,
            Money boundUnitPrice) {}

    private final JdbcClient jdbc;

    /** A device's maker is written when it is provisioned and never changed; devices are never deleted. */
    private final WriteOnceRows<DeviceId, AccountId> makers;

    DeviceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.makers = new WriteOnceRows<>(100_000, this::readMakerOf);
    }

    public void insertModel(Model model, Instant at) {
        jdbc.sql("""
                        insert into device_models (id, maker_id, name, kind, created_at)
                        values (:id, :maker, :name, :kind, :at)""")
                .param("id", model.id())
                .param("maker", model.maker().value())
                .param("name", model.name())
                .param("kind", model.kind())
                .param("at", SqlTime.utc(at))
                .update();
        for (var slot : model.slots()) {
            jdbc.sql("""
                            insert into device_model_slots (model_id, slot_id, unit, capacity)
                            values (:model, :slot, :unit, :capacity)""")
                    .param("model", model.id())
                    .param("slot", slot.slotId())
                    .param("unit", slot.unit())
                    .param("capacity", slot.capacity())
                    .update();
        }
    }

    public Optional<Model> model(String id) {
        return jdbc.sql("select * from device_models where id = :id")
                .param("id", id)
                .query((rs, n) -> new Model(
                        rs.getString("id"),
                        new AccountId(rs.getString("maker_id")),
                        rs.getString("name"),
                        rs.getString("kind"),
                        modelSlots(id)))
                .optional();
    }

    public List<Model> modelsOf(AccountId maker) {
        return jdbc
                .sql("select id from device_models where maker_id = :maker order by created_at, id")
                .param("maker", maker.value())
                .query(String.class)
                .list()
                .stream()
                .map(id -> model(id).orElseThrow())
                .toList();
    }

    private List<ModelSlot> modelSlots(String modelId) {
        return jdbc.sql("select * from device_model_slots where model_id = :model order by slot_id")
                .param("model", modelId)
                .query((rs, n) -> new ModelSlot(rs.getString("slot_id"), rs.getString("unit"), rs.getLong("capacity")))
                .list();
    }

    /** False if the serial is taken. Creates the device's empty slots with it. */
    public boolean insertDevice(
            DeviceId id, Model model, String serial, byte[] sealedSecret, String claimCodeHash, Instant at) {
        int inserted = jdbc.sql("""
                        insert into devices (id, model_id, maker_id, serial, sealed_secret, claim_code_hash, status,
                                             paused, created_at)
                        values (:id, :model, :maker, :serial, :secret, :claim, 'PROVISIONED', false, :at)
                        on conflict (maker_id, serial) do nothing""")
                .param("id", id.value())
                .param("model", model.id())
                .param("maker", model.maker().value())
                .param("serial", serial)
                .param("secret", sealedSecret)
                .param("claim", claimCodeHash)
                .param("at", SqlTime.utc(at))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (var slot : model.slots()) {
            jdbc.sql("insert into device_slots (device_id, slot_id) values (:device, :slot)")
                    .param("device", id.value())
                    .param("slot", slot.slotId())
                    .update();
        }
        return true;
    }

    private static final RowMapper<Device> DEVICE = (rs, n) -> new Device(
            new DeviceId(rs.getString("id")),
            rs.getString("model_id"),
            rs.getString("serial"),
            rs.getString("household_id") == null ? null : new AccountId(rs.getString("household_id")),
            Status.valueOf(rs.getString("status")),
            rs.getBoolean("paused"),
            rs.getBytes("sealed_secret"),
            rs.getString("claim_code_hash"),
            rs.getString("firmware"),
            (Integer) rs.getObject("battery"),
            SqlTime.instant(rs, "last_seen_at"));

    public Optional<Device> device(DeviceId id) {
        return jdbc.sql("select * from devices where id = :id")
                .param("id", id.value())
                .query(DEVICE)
                .optional();
    }

    /** Serials are unique per maker, so two makers' devices may share one. */
    public List<Device> devicesBySerial(String serial) {
        return jdbc.sql("select * from devices where serial = :serial")
                .param("serial", serial)
                .query(DEVICE)
                .list();
    }

    public void lockDevice(DeviceId id) {
        jdbc.sql("select id from devices where id = :id for update")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    public List<Device> devicesOf(AccountId household) {
        return jdbc.sql(
                        "select * from devices where household_id = :household and status = 'CLAIMED' order by claimed_at, id")
                .param("household", household.value())
                .query(DEVICE)
                .list();
    }

    /** The household's devices, claimed and revoked ones, in the order they were claimed. */
    public List<Device> devicesEverOf(AccountId household) {
        return jdbc.sql("""
                        select * from devices where household_id = :household and status in ('CLAIMED', 'REVOKED')
                        order by claimed_at, id""").param("household", household.value()).query(DEVICE).list();
    }

    public boolean claim(DeviceId id, AccountId household, Instant at) {
        return jdbc.sql("""
                                update devices set household_id = :household, status = 'CLAIMED', claimed_at = :at
                                where id = :id and status = 'PROVISIONED'""")
                        .param("household", household.value())
                        .param("at", SqlTime.utc(at))
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Pauses or resumes the device; a paused device resumed {@code at} counts its presses from then on. */
    public void setPaused(DeviceId id, boolean paused, Instant at) {
        jdbc.sql("""
                        update devices set paused = :paused,
                               resumed_at = case when paused and not :paused then :at else resumed_at end
                        where id = :id""")
                .param("paused", paused)
                .param("at", SqlTime.utc(at))
                .param("id", id.value())
                .update();
    }

    public void revoke(DeviceId id, Instant at) {
        jdbc.sql("update devices set status = 'REVOKED', revoked_at = :at where id = :id")
                .param("at", SqlTime.utc(at))
                .param("id", id.value())
                .update();
    }

    public void heartbeat(DeviceId id, String firmware, Integer battery, Instant at) {
        jdbc.sql("""
                        update devices set firmware = :firmware, battery = :battery, last_seen_at = :at,
                               silence_noticed_at = null where id = :id""")
                .param("firmware", firmware)
                .param("battery", battery)
                .param("at", SqlTime.utc(at))
                .param("id", id.value())
                .update();
    }

    private static final String SLOT_SELECT = """
            select s.*, m.unit, m.capacity from device_slots s
            join devices d on d.id = s.device_id
            join device_model_slots m on m.model_id = d.model_id and m.slot_id = s.slot_id
            """;

    /** The slot, its row locked until the transaction ends: one press at a time per slot. */
    public Optional<Slot> lockSlot(DeviceId device, String slotId) {
        return jdbc.sql(SLOT_SELECT + " where s.device_id = :device and s.slot_id = :slot for update of s")
                .param("device", device.value())
                .param("slot", slotId)
                .query(DeviceRecords::slot)
                .optional();
    }

    private static final String LOCK_FOR_PRESS_SELECT = """
            select d.*, s.*, m.unit, m.capacity, %s as nonce_new from devices d
            join device_slots s on s.device_id = d.id and s.slot_id = :slot
            join device_model_slots m on m.model_id = d.model_id and m.slot_id = s.slot_id
            where d.id = :device
            for update of d, s""";
    private static final String LOCK_FOR_PRESS = LOCK_FOR_PRESS_SELECT.formatted("true");
    private static final String LOCK_FOR_PRESS_REMEMBERING_NONCE =
            """
            with nonce as (
                insert into device_nonces (device_id, nonce, seen_at) values (:device, :nonce, :at)
                on conflict do nothing
                returning 1)
            """ + LOCK_FOR_PRESS_SELECT.formatted("exists (select 1 from nonce)");

    /**
     * What a press needs of its device and slot, read together; {@code nonceNew}: the nonce given to
     * {@link #lockForPress} was not used before (true without one).
     */
    public record Pressed(Device device, Overrides overrides, Slot slot, boolean nonceNew) {}

    /**
     * The device with its overrides and the slot, both rows locked until the transaction ends, in
     * one statement: presses of one device run one at a time. Empty if the device has no such slot.
     * The locked rows are read as they are once locked, so what a press that held them committed is
     * seen. With a {@code nonce}, the same statement remembers it first, as {@link
     * #rememberNonce} does (a request with the same nonce that has not committed yet is waited for).
     */
    public Optional<Pressed> lockForPress(DeviceId device, String slotId, NonceClaim nonce) {
        var statement = nonce == null
                ? jdbc.sql(LOCK_FOR_PRESS)
                : jdbc.sql(LOCK_FOR_PRESS_REMEMBERING_NONCE)
                        .param("nonce", nonce.nonce())
                        .param("at", SqlTime.utc(nonce.at()));
        return statement
                .param("device", device.value())
                .param("slot", slotId)
                .query((rs, n) ->
                        new Pressed(DEVICE.mapRow(rs, n), overrides(rs), slot(rs, n), rs.getBoolean("nonce_new")))
                .optional();
    }

    public List<Slot> slots(DeviceId device) {
        return jdbc.sql(SLOT_SELECT + " where s.device_id = :device order by s.slot_id")
                .param("device", device.value())
                .query(DeviceRecords::slot)
                .list();
    }

    public void bind(DeviceId device, String slotId, SlotPolicy policy, Money boundUnitPrice, Instant at) {
        jdbc.sql("""
                        update device_slots set product_ids = :products, strategy = :strategy, store_ids = :stores,
                               max_distance_km = :distance, max_unit_price = :cap, currency = :currency, quantity = :quantity,
                               fulfilment = :fulfilment, consent = :consent, bound_at = :at, bound_unit_price = :bound
                        where device_id = :device and slot_id = :slot""")
                .param("bound", boundUnitPrice == null ? null : boundUnitPrice.amount())
                .param("products", join(policy.productIds().stream().map(ProductId::value)))
                .param("strategy", policy.strategy().name())
                .param("stores", join(policy.storeIds().stream().map(StoreId::value)))
                .param("distance", policy.maxDistanceKm())
                .param("cap", policy.maxUnitPrice().amount())
                .param("currency", policy.maxUnitPrice().currency())
                .param("quantity", policy.quantity())
                .param("fulfilment", policy.fulfilment().name())
                .param("consent", policy.consent().name())
                .param("at", SqlTime.utc(at))
                .param("device", device.value())
                .param("slot", slotId)
                .update();
    }

    /**
     * The answer to an earlier press with this id, if any, how many presses the device made since
     * (counted from its last resume if that is later, and leaving out presses answered {@code
     * PAUSED}, which ordered nothing), and its household's settings, if the household has any.
     */
    public record PressHistory(Optional<String> earlierAnswer, long pressesSince, Optional<Settings> household) {}

    /**
     * All in one statement. Read after the device's lock was taken, in a statement of its own, so
     * that a press that held the lock and committed is seen.
     */
    public PressHistory pressHistory(DeviceId device, AccountId household, String pressId, Instant since) {
        return jdbc.sql("""
                        select (select answer from device_presses where device_id = :device and press_id = :press)
                                   as earlier_answer,
                               (select count(*) from device_presses
                                where device_id = :device
                                  and created_at > greatest(:since, (select resumed_at from devices where id = :device))
                                  and answer ->> 'result' <> 'PAUSED')
                                   as presses_since,
                               h.*
                        from (select 1) as one
                        left join device_household_settings h on h.household_id = :household""")
                .param("device", device.value())
                .param("household", household == null ? "" : household.value())
                .param("press", pressId)
                .param("since", SqlTime.utc(since))
                .query((rs, n) -> new PressHistory(
                        Optional.ofNullable(rs.getString("earlier_answer")),
                        rs.getLong("presses_since"),
                        rs.getString("household_id") == null
                                ? Optional.empty()
                                : Optional.of(SettingsRecords.settings(rs))))
                .single();
    }

    private static final String RECORD_PRESS = """
            insert into device_presses (device_id, press_id, slot_id, answer, created_at)
            values (:device, :press, :slot, cast(:answer as jsonb), :at)""";
    private static final String RECORD_PRESS_AND_OPEN_ORDER = """
            with open_order as (
                update device_slots set open_order_id = :order where device_id = :device and slot_id = :slot)
            """ + RECORD_PRESS;

    /**
     * Remembers the press and its answer; with {@code placed}, the order it placed, which becomes the
     * slot's open order (one statement).
     */
    public void recordPress(DeviceId device, String pressId, String slotId, String answer, OrderId placed, Instant at) {
        var statement = jdbc.sql(placed == null ? RECORD_PRESS : RECORD_PRESS_AND_OPEN_ORDER)
                .param("device", device.value())
                .param("press", pressId)
                .param("slot", slotId)
                .param("answer", answer)
                .param("at", SqlTime.utc(at));
        if (placed != null) {
            statement = statement.param("order", placed.value());
        }
        statement.update();
    }

    /** False if the device used this nonce before (within the memory of the nonce table). */
    public boolean rememberNonce(DeviceId device, String nonce, Instant at) {
        return jdbc.sql("""
                                insert into device_nonces (device_id, nonce, seen_at) values (:device, :nonce, :at)
                                on conflict do nothing""")
                        .param("device", device.value())
                        .param("nonce", nonce)
                        .param("at", SqlTime.utc(at))
                        .update()
                == 1;
    }

    public int forgetNoncesBefore(Instant cutoff) {
        return jdbc.sql("delete from device_nonces where seen_at < :cutoff")
                .param("cutoff", SqlTime.utc(cutoff))
                .update();
    }

    private static Slot slot(ResultSet rs, int n) throws SQLException {
        SlotPolicy policy = null;
        if (rs.getString("strategy") != null) {
            var currency = rs.getString("currency");
            policy = new SlotPolicy(
                    split(rs.getString("product_ids")).stream()
                            .map(ProductId::new)
                            .toList(),
                    Strategy.valueOf(rs.getString("strategy")),
                    split(rs.getString("store_ids")).stream().map(StoreId::new).toList(),
                    (Double) rs.getObject("max_distance_km"),
                    new Money(rs.getLong("max_unit_price"), currency),
                    rs.getInt("quantity"),
                    Fulfilment.valueOf(rs.getString("fulfilment")),
                    Consent.valueOf(rs.getString("consent")));
        }
        var open = rs.getString("open_order_id");
        var bound = (Long) rs.getObject("bound_unit_price");
        return new Slot(
                new DeviceId(rs.getString("device_id")),
                rs.getString("slot_id"),
                rs.getString("unit"),
                rs.getLong("capacity"),
                policy,
                open == null ? null : new OrderId(open),
                bound == null || policy == null
                        ? null
                        : new Money(bound, policy.maxUnitPrice().currency()));
    }

    // Ids never contain a comma (see Ids.requireValid), so a comma-joined list is unambiguous.
    private static String join(java.util.stream.Stream<String> ids) {
        return ids.collect(Collectors.joining(","));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public Optional<AccountId> makerOf(DeviceId id) {
        return makers.find(id);
    }

    private Optional<AccountId> readMakerOf(DeviceId id) {
        return jdbc.sql("select maker_id from devices where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new AccountId(rs.getString("maker_id")))
                .optional();
    }

    /** A device's own consent mode and limits, each null when it follows its household. */
    public record Overrides(Consent consent, Money dailyLimit, Money monthlyLimit) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    public Overrides overrides(DeviceId id) {
        return jdbc.sql(
                        "select consent_override, daily_limit, monthly_limit, limit_currency from devices where id = :id")
                .param("id", id.value())
                .query((rs, n) -> overrides(rs))
                .optional()
                .orElse(Overrides.NONE);
    }

    private static Overrides overrides(ResultSet rs) throws SQLException {
        var consent = rs.getString("consent_override");
        var currency = rs.getString("limit_currency");
        var daily = (Long) rs.getObject("daily_limit");
        var monthly = (Long) rs.getObject("monthly_limit");
        return new Overrides(
                consent == null ? null : Consent.valueOf(consent),
                daily == null ? null : new Money(daily, currency),
                monthly == null ? null : new Money(monthly, currency));
    }

    public void setOverrides(DeviceId id, Overrides overrides) {
        var currency = overrides.dailyLimit() != null
                ? overrides.dailyLimit().currency()
                : overrides.monthlyLimit() != null ? overrides.monthlyLimit().currency() : null;
        jdbc.sql("""
                        update devices set consent_override = :consent, daily_limit = :daily, monthly_limit = :monthly,
                               limit_currency = :currency where id = :id""")
                .param(
                        "consent",
                        overrides.consent() == null ? null : overrides.consent().name())
                .param(
                        "daily",
                        overrides.dailyLimit() == null
                                ? null
                                : overrides.dailyLimit().amount())
                .param(
                        "monthly",
                        overrides.monthlyLimit() == null
                                ? null
                                : overrides.monthlyLimit().amount())
                .param("currency", currency)
                .param("id", id.value())
                .update();
    }

    /** A quote a device with a display may confirm until it expires. */
    public record Quote(
            String quoteId,
            DeviceId deviceId,
            String pressId,
            String slotId,
            OrderId orderId,
            Instant expiresAt,
            boolean used) {}

    public void insertQuote(Quote quote) {
        jdbc.sql("""
                        insert into device_quotes (quote_id, device_id, press_id, slot_id, order_id, expires_at, used)
                        values (:quote, :device, :press, :slot, :order, :expires, false)""")
                .param("quote", quote.quoteId())
                .param("device", quote.deviceId().value())
                .param("press", quote.pressId())
                .param("slot", quote.slotId())
                .param("order", quote.orderId().value())
                .param("expires", SqlTime.utc(quote.expiresAt()))
                .update();
    }

    public Optional<Quote> lockQuote(DeviceId device, String quoteId) {
        return jdbc.sql("select * from device_quotes where quote_id = :quote and device_id = :device for update")
                .param("quote", quoteId)
                .param("device", device.value())
                .query((rs, n) -> new Quote(
                        rs.getString("quote_id"),
                        new DeviceId(rs.getString("device_id")),
                        rs.getString("press_id"),
                        rs.getString("slot_id"),
                        new OrderId(rs.getString("order_id")),
                        SqlTime.instant(rs, "expires_at"),
                        rs.getBoolean("used")))
                .optional();
    }

    public void markQuoteUsed(String quoteId) {
        jdbc.sql("update device_quotes set used = true where quote_id = :quote")
                .param("quote", quoteId)
                .update();
    }

    /** A claimed device silent since before the cutoff, and whom to tell. */
    public record Silent(DeviceId deviceId, AccountId household, Instant lastSeenAt) {}

    /**
     * Claimed devices with no heartbeat since {@code cutoff} whose household was not told yet,
     * marked as told in the same statement; another node marks and tells the others.
     */
    public List<Silent> takeSilentSince(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        update devices set silence_noticed_at = :now where id in (
                            select id from devices where status = 'CLAIMED' and silence_noticed_at is null
                              and coalesce(last_seen_at, claimed_at) < :cutoff
                            limit :limit for update skip locked)
                        returning id, household_id, last_seen_at""")
                .param("now", SqlTime.utc(now))
                .param("cutoff", SqlTime.utc(cutoff))
                .param("limit", limit)
                .query((rs, n) -> new Silent(
                        new DeviceId(rs.getString("id")),
                        new AccountId(rs.getString("household_id")),
                        SqlTime.instant(rs, "last_seen_at")))
                .list();
    }
}
