package dev.corner.stores;

import dev.corner.accounts.Accounts;
import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.common.Text;
import dev.corner.common.WriteOnceRows;
import dev.corner.stores.internal.StoreRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening stores and answering who owns one and where they are. */
@Service
public class Stores {

    private final StoreRecords records;
    /**
     * A store's row is written once, when it opens, and never changed or deleted. Staff and their
     * rights are not kept here: taking someone off the staff must take effect at once on every node.
     * If stores ever become editable or closable, they must not be kept here.
     */
    private final WriteOnceRows<StoreId, Store> known;

    private final Accounts accounts;
    private final Clock clock;

    Stores(StoreRecords records, Accounts accounts, Clock clock) {
        this.records = records;
        this.known = new WriteOnceRows<>(10_000, records::find);
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public StoreId open(
            Caller merchant, String name, String address, Double latitude, Double longitude, String currency) {
        merchant.requireRole(Role.MERCHANT);
        var cleanName = Text.require(name, "name", 200);
        var cleanAddress = Text.require(address, "address", 500);
        if (latitude == null || longitude == null) {
            throw CornerException.invalid("INVALID_LOCATION", "latitude and longitude are required");
        }
        new GeoPoint(latitude, longitude); // validates the place
        Money.zero(currency); // validates the ISO-4217 code
        var store = new Store(
                new StoreId(Ids.next("st")),
                merchant.accountId(),
                cleanName,
                cleanAddress,
                latitude,
                longitude,
                currency);
        records.insert(store, clock.instant());
        return store.id();
    }

    /** The owner sets when the store is open and how long getting an order ready takes. */
    @Transactional
    public OpeningHours setHours(Caller owner, StoreId id, OpeningHours hours) {
        requireOwnedBy(id, owner);
        records.saveHours(id, hours, clock.instant());
        return hours;
    }

    /** The store's hours; a store without any is {@link OpeningHours#ALWAYS_OPEN}. */
    @Transactional(readOnly = true)
    public OpeningHours hours(StoreId id) {
        require(id);
        return records.hours(id).orElse(OpeningHours.ALWAYS_OPEN);
    }

    /** When an order placed now at the store is ready for pickup; empty if it does not open soon. */
    @Transactional(readOnly = true)
    public Optional<Instant> readyAt(StoreId id, Instant orderedAt) {
        return records.hours(id).orElse(OpeningHours.ALWAYS_OPEN).readyAt(orderedAt);
    }

    @Transactional(readOnly = true)
    public Optional<Store> find(StoreId id) {
        return known.find(id);
    }

    /** The store if it exists; a missing store answers 404. */
    @Transactional(readOnly = true)
    public Store require(StoreId id) {
        return known.find(id).orElseThrow(() -> storeNotFound(id));
    }

    /**
     * The store if the caller owns it. Another merchant's store answers 404 as if it did not exist,
     * so ids cannot be probed.
     */
    @Transactional(readOnly = true)
    public Store requireOwnedBy(StoreId id, Caller caller) {
        return known.find(id)
                .filter(store -> caller.role() == Role.OPERATOR || caller.is(store.merchantId()))
                .orElseThrow(() -> storeNotFound(id));
    }

    private static CornerException storeNotFound(StoreId id) {
        return CornerException.notFound("STORE_NOT_FOUND", "no store " + id);
    }

    /**
     * The store if the caller works there: its owner (or an operator) with every right, or a member
     * of its staff with theirs. Anyone else gets 404, as for a store that does not exist.
     */
    @Transactional(readOnly = true)
    public Workplace requireWorkplace(StoreId id, Caller caller) {
        var store = known.find(id).orElseThrow(() -> storeNotFound(id));
        if (caller.role() == Role.OPERATOR || caller.is(store.merchantId())) {
            return new Workplace(store, caller.accountId(), true, true, true);
        }
        if (caller.role() != Role.STAFF) {
            throw storeNotFound(id);
        }
        return records.staffRights(id, caller.accountId())
                .map(rights -> new Workplace(store, caller.accountId(), false, rights[0], rights[1]))
                .orElseThrow(() -> storeNotFound(id));
    }

    /**
     * The store as {@code worker} works there, whoever asks: its owner with every right, a member
     * of its staff with theirs; empty for anyone else (a sale rung up offline names who made it).
     */
    @Transactional(readOnly = true)
    public Optional<Workplace> workplaceOf(StoreId id, AccountId worker) {
        var store = known.find(id).orElseThrow(() -> storeNotFound(id));
        if (store.merchantId().equals(worker)) {
            return Optional.of(new Workplace(store, worker, true, true, true));
        }
        return records.staffRights(id, worker).map(rights -> new Workplace(store, worker, false, rights[0], rights[1]));
    }

    /** The stores the caller owns, or for staff the stores they work at. */
    @Transactional(readOnly = true)
    public List<Store> ownedBy(Caller caller) {
        return caller.role() == Role.STAFF
                ? records.workplacesOf(caller.accountId())
                : records.ownedBy(caller.accountId());
    }

    /** The name of an account that works at stores, e.g. for "served by" on a receipt. */
    @Transactional(readOnly = true)
    public Optional<String> workerName(AccountId account) {
        return accounts.find(account).map(Accounts.AccountView::name);
    }

    /** Opens a staff account that works at the owner's store with the given rights. */
    @Transactional
    public AccountId addStaff(
            Caller owner,
            StoreId storeId,
            String email,
            String name,
            String password,
            boolean canDiscount,
            boolean canRefund) {
        var store = requireOwnedBy(storeId, owner);
        var account = accounts.openStaff(email, password, name);
        records.insertStaff(store.id(), account, canDiscount, canRefund, clock.instant());
        return account;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> staff(Caller owner, StoreId storeId) {
        var store = requireOwnedBy(storeId, owner);
        return records.staff(store.id()).stream()
                .map(row -> {
                    var account = accounts.find(row.account()).orElseThrow();
                    return new StaffMember(
                            row.account(), account.email(), account.name(), row.canDiscount(), row.canRefund());
                })
                .toList();
    }

    /** Takes someone off the store's staff; their next request at its registers is refused. */
    @Transactional
    public void removeStaff(Caller owner, StoreId storeId, AccountId staff) {
        var store = requireOwnedBy(storeId, owner);
        if (!records.deleteStaff(store.id(), staff)) {
            throw CornerException.notFound("STAFF_NOT_FOUND", "no staff member " + staff.value() + " at this store");
        }
        accounts.endSessions(staff);
    }

    @Transactional(readOnly = true)
    public List<Store> all() {
        return records.all();
    }

    /** Stores within a radius of a point, nearest first. */
    @Transactional(readOnly = true)
    public List<Store> near(double latitude, double longitude, double radiusKm) {
        var point = new GeoPoint(latitude, longitude);
        return records.all().stream()
                .filter(store -> point.distanceKmTo(store.location()) <= radiusKm)
                .sorted(java.util.Comparator.comparingDouble(store -> point.distanceKmTo(store.location())))
                .toList();
    }
}
