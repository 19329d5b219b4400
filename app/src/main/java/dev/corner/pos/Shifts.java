package dev.corner.pos;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Text;
import dev.corner.pos.internal.ShiftRecords;
import dev.corner.pos.internal.ShiftRecords.ShiftRow;
import dev.corner.pos.model.ZReport;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers of a store, and the shifts worked on them: open with a float, move cash, close with a count. */
@Service
public class Shifts {

    /** Cash that moved through the drawer without a sale. */
    public enum CashMovement {
        PAID_IN,
        PAID_OUT,
        NO_SALE
    }

    /** A register as its store's staff see it. */
    public record Register(String registerId, String name, String openShiftId) {}

    private final ShiftRecords records;
    private final Stores stores;
    private final Clock clock;

    Shifts(ShiftRecords records, Stores stores, Clock clock) {
        this.records = records;
        this.stores = stores;
        this.clock = clock;
    }

    @Transactional
    public String addRegister(Caller caller, StoreId storeId, String name) {
        stores.requireOwnedBy(storeId, caller);
        var id = Ids.next("reg");
        records.insertRegister(id, storeId, Text.require(name, "name", 100), clock.instant());
        return id;
    }

    @Transactional(readOnly = true)
    public List<Register> registers(Caller caller, StoreId storeId) {
        stores.requireWorkplace(storeId, caller).store();
        return records.registers(storeId);
    }

    @Transactional
    public String open(Caller caller, StoreId storeId, String registerId, Money openingFloat) {
        var store = stores.requireWorkplace(storeId, caller).store();
        requireRegister(storeId, registerId);
        requireCash(store, openingFloat, true);
        var id = Ids.next("sh");
        if (!records.openShift(id, registerId, storeId, caller, openingFloat, clock.instant())) {
            throw CornerException.conflict("SHIFT_ALREADY_OPEN", "register " + registerId + " has an open shift");
        }
        return id;
    }

    @Transactional
    /**
     * A cash movement as the register sends it: {@code movementId} (register-made, optional) makes
     * a re-sent movement count once; {@code madeOfflineAt} is when it was made while the register
     * was offline, and is when it is recorded at.
     */
    public record CashMove(CashMovement type, Money amount, String note, String movementId, Instant madeOfflineAt) {}

    /**
     * Paid-in, paid-out or no-sale on an open shift. The same {@code movementId} again records
     * nothing new; with other content it is {@code 409 MOVEMENT_ID_REUSED}.
     */
    @Transactional
    public void moveCash(Caller caller, StoreId storeId, String shiftId, CashMove move) {
        var store = stores.requireWorkplace(storeId, caller).store();
        var shift = requireOpen(storeId, shiftId);
        if (move.type() == null) {
            throw CornerException.invalid("INVALID_CASH_MOVEMENT", "type must be PAID_IN, PAID_OUT or NO_SALE");
        }
        var moved = move.type() == CashMovement.NO_SALE ? Money.zero(store.currency()) : move.amount();
        requireCash(store, moved, move.type() == CashMovement.NO_SALE);
        var movementId = move.movementId() == null ? null : Ids.requireValid(move.movementId(), "movementId");
        var now = clock.instant();
        var at = now;
        if (move.madeOfflineAt() != null) {
            if (move.madeOfflineAt().isAfter(now.plusSeconds(300))) {
                throw CornerException.invalid("INVALID_CASH_MOVEMENT", "madeOfflineAt is in the future");
            }
            at = move.madeOfflineAt();
        }
        boolean recorded = records.insertCashMovement(
                shift.id(),
                move.type().name(),
                moved,
                Text.optional(move.note(), "note", 200),
                at,
                movementId,
                move.madeOfflineAt());
        if (!recorded) {
            var earlier = records.cashMovement(shift.id(), movementId).orElseThrow();
            if (!earlier.type().equals(move.type().name()) || earlier.amount() != moved.amount()) {
                throw CornerException.conflict(
                        "MOVEMENT_ID_REUSED", "movement " + movementId + " was recorded with other content");
            }
        }
    }

    /** Closes the shift with the cash counted in the drawer; answers its Z-report. */
    @Transactional
    public ZReport close(Caller caller, StoreId storeId, String shiftId, Money countedCash) {
        var store = stores.requireWorkplace(storeId, caller).store();
        requireOpen(storeId, shiftId);
        requireCash(store, countedCash, true);
        records.closeShift(shiftId, countedCash, clock.instant());
        return records.report(shiftId).orElseThrow();
    }

    /** The shift's report: a Z-report once closed, the running figures (an X-report) while open. */
    @Transactional(readOnly = true)
    public ZReport report(Caller caller, StoreId storeId, String shiftId) {
        stores.requireWorkplace(storeId, caller).store();
        requireShift(storeId, shiftId);
        return records.report(shiftId).orElseThrow();
    }

    /** The store's shifts, the latest opened first, each with its report (running figures while open). */
    @Transactional(readOnly = true)
    public List<ZReport> history(Caller caller, StoreId storeId, int limit) {
        stores.requireOwnedBy(storeId, caller);
        return records.shiftsOf(storeId, Math.max(1, Math.min(limit, 200))).stream()
                .map(id -> records.report(id).orElseThrow())
                .toList();
    }

    /** The register's open shift, if any, for a sale or return rung up on it. */
    @Transactional(readOnly = true)
    public Optional<String> findOpenShift(StoreId storeId, String registerId) {
        requireRegister(storeId, registerId);
        return records.openShiftOf(registerId);
    }

    private void requireRegister(StoreId storeId, String registerId) {
        if (registerId == null || !records.registerIn(storeId, registerId)) {
            throw CornerException.notFound("REGISTER_NOT_FOUND", "no register " + registerId + " in this store");
        }
    }

    private ShiftRow requireShift(StoreId storeId, String shiftId) {
        return records.shift(shiftId)
                .filter(shift -> shift.storeId().equals(storeId))
                .orElseThrow(
                        () -> CornerException.notFound("SHIFT_NOT_FOUND", "no shift " + shiftId + " in this store"));
    }

    private ShiftRow requireOpen(StoreId storeId, String shiftId) {
        var shift = requireShift(storeId, shiftId);
        if (!shift.open()) {
            throw CornerException.conflict("SHIFT_CLOSED", "shift " + shiftId + " is closed");
        }
        return shift;
    }

    private static void requireCash(Store store, Money amount, boolean zeroAllowed) {
        if (amount == null || amount.belowZero() || (!zeroAllowed && amount.amount() == 0)) {
            throw CornerException.invalid(
                    "INVALID_AMOUNT",
                    "an amount of cash " + (zeroAllowed ? "of 0 or more" : "above 0") + " is required");
        }
        if (!amount.currency().equals(store.currency())) {
            throw CornerException.invalid("CURRENCY_MISMATCH", "this store counts cash in " + store.currency());
        }
    }
}
