package dev.corner.pos.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.pos.Shifts;
import dev.corner.pos.model.ZReport;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}")
class ShiftsController {

    private final Shifts shifts;

    ShiftsController(Shifts shifts) {
        this.shifts = shifts;
    }

    record NewRegister(String name) {}

    record RegisterCreated(String registerId) {}

    record Registers(List<Shifts.Register> registers) {}

    record OpenShift(Money openingFloat) {}

    record ShiftOpened(String shiftId) {}

    record Cash(Shifts.CashMovement type, Money amount, String note, String movementId, Instant madeOfflineAt) {}

    record Close(Money countedCash) {}

    record History(List<ZReport> shifts) {}

    @PostMapping("/registers")
    @ResponseStatus(HttpStatus.CREATED)
    RegisterCreated addRegister(Caller caller, @PathVariable String storeId, @RequestBody NewRegister request) {
        return new RegisterCreated(shifts.addRegister(caller, new StoreId(storeId), request.name()));
    }

    @GetMapping("/registers")
    Registers registers(Caller caller, @PathVariable String storeId) {
        return new Registers(shifts.registers(caller, new StoreId(storeId)));
    }

    @PostMapping("/registers/{registerId}/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    ShiftOpened open(
            Caller caller,
            @PathVariable String storeId,
            @PathVariable String registerId,
            @RequestBody OpenShift request) {
        return new ShiftOpened(shifts.open(caller, new StoreId(storeId), registerId, request.openingFloat()));
    }

    @PostMapping("/shifts/{shiftId}/cash")
    @ResponseStatus(HttpStatus.CREATED)
    ZReport cash(Caller caller, @PathVariable String storeId, @PathVariable String shiftId, @RequestBody Cash request) {
        var store = new StoreId(storeId);
        shifts.moveCash(
                caller,
                store,
                shiftId,
                new Shifts.CashMove(
                        request.type(),
                        request.amount(),
                        request.note(),
                        request.movementId(),
                        request.madeOfflineAt()));
        return shifts.report(caller, store, shiftId);
    }

    @PostMapping("/shifts/{shiftId}/close")
    ZReport close(
            Caller caller, @PathVariable String storeId, @PathVariable String shiftId, @RequestBody Close request) {
        return shifts.close(caller, new StoreId(storeId), shiftId, request.countedCash());
    }

    /** The store's shifts with their reports, the latest opened first. */
    @GetMapping("/shifts")
    History history(Caller caller, @PathVariable String storeId, @RequestParam(defaultValue = "50") int limit) {
        return new History(shifts.history(caller, new StoreId(storeId), limit));
    }

    @GetMapping("/shifts/{shiftId}/report")
    ZReport report(Caller caller, @PathVariable String storeId, @PathVariable String shiftId) {
        return shifts.report(caller, new StoreId(storeId), shiftId);
    }
}
