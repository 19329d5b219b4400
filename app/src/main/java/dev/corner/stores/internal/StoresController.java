package dev.corner.stores.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.stores.OpeningHours;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores")
class StoresController {

    private final Stores stores;

    StoresController(Stores stores) {
        this.stores = stores;
    }

    record OpenStore(String name, String address, Double latitude, Double longitude, String currency) {}

    record Opened(String storeId) {}

    record StoreView(String storeId, String name, String address, double latitude, double longitude, String currency) {
        static StoreView of(Store store) {
            return new StoreView(
                    store.id().value(),
                    store.name(),
                    store.address(),
                    store.latitude(),
                    store.longitude(),
                    store.currency());
        }
    }

    record StoreList(List<StoreView> stores) {}

    record NewStaff(String email, String name, String password, boolean canDiscount, boolean canRefund) {}

    record StaffAdded(String accountId) {}

    record StaffList(List<StaffMemberView> staff) {}

    record StaffMemberView(String accountId, String email, String name, boolean canDiscount, boolean canRefund) {}

    /** One opening interval as the API shows it: {"opens":"08:00","closes":"20:00"}. */
    record IntervalJson(String opens, String closes) {}

    record HoursJson(String timeZone, Integer preparationMinutes, Map<DayOfWeek, List<IntervalJson>> week) {
        static HoursJson of(OpeningHours hours) {
            var week = new EnumMap<DayOfWeek, List<IntervalJson>>(DayOfWeek.class);
            hours.week()
                    .forEach((day, intervals) -> week.put(
                            day,
                            intervals.stream()
                                    .map(i -> new IntervalJson(i.opensText(), i.closesText()))
                                    .toList()));
            return new HoursJson(hours.zone().getId(), (int) hours.preparation().toMinutes(), week);
        }

        OpeningHours toHours() {
            if (preparationMinutes == null) {
                throw CornerException.invalid("INVALID_HOURS", "preparationMinutes is required");
            }
            var days = new EnumMap<DayOfWeek, List<OpeningHours.Interval>>(DayOfWeek.class);
            if (week != null) {
                week.forEach((day, intervals) -> days.put(
                        day,
                        intervals == null
                                ? List.of()
                                : intervals.stream()
                                        .map(i -> OpeningHours.Interval.of(i.opens(), i.closes()))
                                        .toList()));
            }
            return new OpeningHours(OpeningHours.zoneOf(timeZone), Duration.ofMinutes(preparationMinutes), days);
        }
    }

    @PutMapping("/{storeId}/hours")
    HoursJson setHours(Caller caller, @PathVariable String storeId, @RequestBody HoursJson request) {
        return HoursJson.of(stores.setHours(caller, new StoreId(storeId), request.toHours()));
    }

    /** Anyone signed in may read a store's hours: households choose stores by them. */
    @GetMapping("/{storeId}/hours")
    HoursJson hours(@PathVariable String storeId) {
        return HoursJson.of(stores.hours(new StoreId(storeId)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(Caller caller, @RequestBody OpenStore request) {
        var id = stores.open(
                caller, request.name(), request.address(), request.latitude(), request.longitude(), request.currency());
        return new Opened(id.value());
    }

    @GetMapping
    StoreList mine(Caller caller) {
        return new StoreList(stores.ownedBy(caller).stream().map(StoreView::of).toList());
    }

    @GetMapping("/{storeId}")
    StoreView one(Caller caller, @PathVariable String storeId) {
        return StoreView.of(stores.requireOwnedBy(new StoreId(storeId), caller));
    }

    @PostMapping("/{storeId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffAdded addStaff(Caller caller, @PathVariable String storeId, @RequestBody NewStaff request) {
        var id = stores.addStaff(
                caller,
                new StoreId(storeId),
                request.email(),
                request.name(),
                request.password(),
                request.canDiscount(),
                request.canRefund());
        return new StaffAdded(id.value());
    }

    @GetMapping("/{storeId}/staff")
    StaffList staff(Caller caller, @PathVariable String storeId) {
        return new StaffList(stores.staff(caller, new StoreId(storeId)).stream()
                .map(m ->
                        new StaffMemberView(m.accountId().value(), m.email(), m.name(), m.canDiscount(), m.canRefund()))
                .toList());
    }

    @DeleteMapping("/{storeId}/staff/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStaff(Caller caller, @PathVariable String storeId, @PathVariable String accountId) {
        stores.removeStaff(caller, new StoreId(storeId), new AccountId(accountId));
    }
}
