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
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The devices of these ids that exist, by id, read in one statement. */
    public Map<DeviceId, Device> devices(Collection<DeviceId> ids) {
        return jdbc
                .sql("select * from devices where id = any(cast(:ids as varchar[]))")
                .param("ids", ids.stream().map(DeviceId::value).toArray(String[]::new))
                .query(DEVICE)
                .list()
                .stream()
                .collect(Collectors.toMap(Device::id, device -> device));
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

    /** What a press needs of its device and slot, read together. */
    public record Pressed(Device device, Overrides overrides, Slot slot) {}

    /** A press's device and slot, and the request's nonce to remember (null: none, or remembered already). */
    public record PressKey(DeviceId device, String slotId, NonceClaim nonce) {}

    /** For one {@link PressKey}: whether its nonce was new (true without one), and its device and slot if it has one. */
    public record Locked(boolean nonceNew, Optional<Pressed> pressed) {}

    /**
     * Remembers the presses' nonces and locks each device with its overrides and the named slot until
     * the transaction ends, in one statement: presses of one device run one at a time. The answers
     * follow the order given; a nonce is not new when the device used it before (one that a request
     * has not committed yet is waited for), and a press has no device and slot where the device has no
     * such slot. Rows are locked in the devices' order, so two transactions locking several cannot
     * deadlock. The locked rows are read as they are once locked, so what a press that held them
     * committed is seen.
     */
    public List<Locked> lockForPresses(List<PressKey> presses) {
        if (presses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with r as (
                            select * from unnest(cast(:devices as varchar[]), cast(:slots as varchar[]),
                                                 cast(:nonces as varchar[]), cast(:ats as timestamptz[]))
                                 with ordinality as r(device, slot, nonce, at, i)),
                        remembered as (
                            insert into device_nonces (device_id, nonce, seen_at)
                            select device, nonce, at from r where nonce is not null order by device, nonce
                            on conflict do nothing
                            returning device_id, nonce),
                        locked as (
                            select r.i as locked_i, d.*, s.*, m.unit, m.capacity from r
                            join devices d on d.id = r.device
                            join device_slots s on s.device_id = d.id and s.slot_id = r.slot
                            join device_model_slots m on m.model_id = d.model_id and m.slot_id = s.slot_id
                            order by d.id, s.slot_id
                            for update of d, s)
                        select r.i, r.nonce is null
                                    or exists (select 1 from remembered n where n.device_id = r.device and n.nonce = r.nonce)
                                    as nonce_new,
                               locked.*
                        from r left join locked on locked.locked_i = r.i
                        order by r.i""")
                .param("devices", presses.stream().map(p -> p.device().value()).toArray(String[]::new))
                .param("slots", presses.stream().map(PressKey::slotId).toArray(String[]::new))
                .param(
                        "nonces",
                        presses.stream()
                                .map(p -> p.nonce() == null ? null : p.nonce().nonce())
                                .toArray(String[]::new))
                .param(
                        "ats",
                        presses.stream()
                                .map(p -> p.nonce() == null
                                        ? null
                                        : p.nonce().at().toString())
                                .toArray(String[]::new))
                .query((rs, n) -> new Locked(
                        rs.getBoolean("nonce_new"),
                        rs.getObject("locked_i") == null
                                ? Optional.empty()
                                : Optional.of(new Pressed(DEVICE.mapRow(rs, n), overrides(rs), slot(rs, n)))))
                .list();
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

    /** A press whose history {@link #pressHistories} reads. */
    public record PressRef(DeviceId device, AccountId household, String pressId) {}

    /**
     * Each press's {@link PressHistory}, in the order given, all in one statement. Read after the
     * devices' locks were taken, in a statement of its own, so that a press that held a lock and
     * committed is seen.
     */
    public List<PressHistory> pressHistories(List<PressRef> presses, Instant since) {
        if (presses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.i,
                               (select answer from device_presses where device_id = r.device and press_id = r.press)
                                   as earlier_answer,
                               (select count(*) from device_presses p
                                where p.device_id = r.device
                                  and p.created_at > greatest(:since, (select resumed_at from devices where id = r.device))
                                  and p.answer ->> 'result' <> 'PAUSED')
                                   as presses_since,
                               h.*
                        from unnest(cast(:devices as varchar[]), cast(:households as varchar[]),
                                    cast(:presses as varchar[])) with ordinality as r(device, household, press, i)
                        left join device_household_settings h on h.household_id = r.household
                        order by r.i""")
                .param("devices", presses.stream().map(p -> p.device().value()).toArray(String[]::new))
                .param(
                        "households",
                        presses.stream()
                                .map(p -> p.household() == null
                                        ? ""
                                        : p.household().value())
                                .toArray(String[]::new))
                .param("presses", presses.stream().map(PressRef::pressId).toArray(String[]::new))
                .param("since", SqlTime.utc(since))
                .query((rs, n) -> new PressHistory(
                        Optional.ofNullable(rs.getString("earlier_answer")),
                        rs.getLong("presses_since"),
                        rs.getString("household_id") == null
                                ? Optional.empty()
                                : Optional.of(SettingsRecords.settings(rs))))
                .list();
    }

    /** A press and its answer to remember; {@code placed}: the order it placed, now the slot's open one. */
    public record PressRecord(DeviceId device, String pressId, String slotId, String answer, OrderId placed) {}

    /** Remembers the presses and their answers, and the slots' new open orders, in one statement. */
    public void recordPresses(List<PressRecord> presses, Instant at) {
        if (presses.isEmpty()) {
            return;
        }
        var opened = presses.stream().filter(p -> p.placed() != null).toList();
        jdbc.sql("""
                        with open_orders as (
                            update device_slots s set open_order_id = o.placed
                            from unnest(cast(:openDevices as varchar[]), cast(:openSlots as varchar[]),
                                        cast(:openOrders as varchar[])) as o(device, slot, placed)
                            where s.device_id = o.device and s.slot_id = o.slot)
                        insert into device_presses (device_id, press_id, slot_id, answer, created_at)
                        select p.device, p.press, p.slot, cast(p.answer as jsonb), :at
                        from unnest(cast(:devices as varchar[]), cast(:presses as varchar[]), cast(:slots as varchar[]),
                                    cast(:answers as text[])) as p(device, press, slot, answer)""")
                .param(
                        "openDevices",
                        opened.stream().map(p -> p.device().value()).toArray(String[]::new))
                .param("openSlots", opened.stream().map(PressRecord::slotId).toArray(String[]::new))
                .param(
                        "openOrders",
                        opened.stream().map(p -> p.placed().value()).toArray(String[]::new))
                .param("devices", presses.stream().map(p -> p.device().value()).toArray(String[]::new))
                .param("presses", presses.stream().map(PressRecord::pressId).toArray(String[]::new))
                .param("slots", presses.stream().map(PressRecord::slotId).toArray(String[]::new))
                .param("answers", presses.stream().map(PressRecord::answer).toArray(String[]::new))
                .param("at", SqlTime.utc(at))
                .update();
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

    /** The makers of several devices, known ones from memory and the others in one query. */
    public Map<DeviceId, AccountId> makersOf(Collection<DeviceId> ids) {
        return makers.findAll(ids, unknown -> {
            var read = new java.util.HashMap<DeviceId, AccountId>();
            jdbc.sql("select id, maker_id from devices where id = any(cast(:ids as varchar[]))")
                    .param(
                            "ids",
                            unknown.stream().map(DeviceId::value).distinct().toArray(String[]::new))
                    .query((rs, n) ->
                            read.put(new DeviceId(rs.getString("id")), new AccountId(rs.getString("maker_id"))))
                    .list();
            return read;
        });
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
