package dev.corner.shop;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import dev.corner.devices.DeviceId;
import dev.corner.devices.HouseholdDevices;
import dev.corner.devices.HouseholdSettings;
import dev.corner.devices.Pressing;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.orders.Fulfilment;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Binding a slot to a need: search products and choose the acceptable ones in order, the strategy,
 * the stores (listed ones, nearest first when the household's home is known, or any store within a
 * distance of home), the unit-price cap, the quantity and the consent. The form is worked on the server: its buttons send the whole draft back, so it
 * needs no script, and the draft's outlook (what it would order now, or why nothing) shows as it goes.
 */
@Controller
@RequestMapping("/shop/devices/{deviceId}/slots/{slotId}")
class SlotPages {

    private static final int RESULTS = 20;

    private final HouseholdApp app;
    private final HouseholdDevices devices;
    private final Pressing pressing;
    private final Catalog catalog;
    private final Stores stores;
    private final HouseholdSettings settings;

    SlotPages(
            HouseholdApp app,
            HouseholdDevices devices,
            Pressing pressing,
            Catalog catalog,
            Stores stores,
            HouseholdSettings settings) {
        this.settings = settings;
        this.app = app;
        this.devices = devices;
        this.pressing = pressing;
        this.catalog = catalog;
        this.stores = stores;
    }

    /** The form as it stands; every member as typed. */
    record Draft(
            List<String> products,
            String strategy,
            List<String> stores,
            String cap,
            String quantity,
            String consent,
            String where,
            String distance,
            String q) {

        static final String LISTED = "LISTED";
        static final String NEARBY = "NEARBY";

        public boolean nearby() {
            return NEARBY.equals(where);
        }
    }

    /**
     * The form's fields as the browser sends them (the draft and save buttons send the same form);
     * absent fields take the form's defaults.
     */
    record DraftForm(
            List<String> product,
            String strategy,
            List<String> store,
            String cap,
            String quantity,
            String consent,
            String where,
            String distance,
            String q) {

        Draft draft(List<String> products) {
            return new Draft(
                    products,
                    strategy == null ? "PREFERRED" : strategy,
                    store == null ? List.of() : store,
                    cap == null ? "" : cap,
                    quantity == null ? "1" : quantity,
                    consent == null ? "CANCEL_WINDOW" : consent,
                    where == null ? Draft.LISTED : where,
                    distance == null ? "" : distance,
                    q == null ? "" : q);
        }

        List<String> products() {
            return product == null ? List.of() : product;
        }
    }

    /** A store that offers some chosen product, with those prices and its distance if known. */
    record StoreRow(Store store, boolean chosen, Double distanceKm, List<String> prices) {}

    @GetMapping
    String form(Caller caller, @PathVariable String deviceId, @PathVariable String slotId, Model model) {
        var household = app.page(caller, model, "devices");
        var slot = slot(household, deviceId, slotId);
        var policy = slot.policy();
        var draft = policy == null
                ? new Draft(List.of(), "PREFERRED", List.of(), "", "1", "CANCEL_WINDOW", Draft.LISTED, "", "")
                : new Draft(
                        policy.productIds().stream().map(ProductId::value).toList(),
                        policy.strategy().name(),
                        policy.storeIds().stream().map(StoreId::value).toList(),
                        app.plain(policy.maxUnitPrice()),
                        Integer.toString(policy.quantity()),
                        policy.consent().name(),
                        policy.byDistance() ? Draft.NEARBY : Draft.LISTED,
                        policy.byDistance() ? distance(policy.maxDistanceKm()) : "",
                        "");
        render(household, deviceId, slotId, draft, model);
        return "shop/slot";
    }

    /** A step on the draft (search, add, move, remove, update): nothing is saved. */
    @PostMapping("/draft")
    String draft(
            Caller caller,
            @PathVariable String deviceId,
            @PathVariable String slotId,
            @ModelAttribute DraftForm form,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) Integer remove,
            @RequestParam(required = false) Integer up,
            @RequestParam(required = false) Integer down,
            Model model) {
        HouseholdApp.shownAt(model, "/shop/devices/" + deviceId + "/slots/" + slotId);
        var household = app.page(caller, model, "devices");
        slot(household, deviceId, slotId);
        var chosen = new ArrayList<>(form.products());
        if (add != null && !chosen.contains(add) && chosen.size() < SlotPolicy.MAX_CHOICES) {
            chosen.add(add);
        }
        if (remove != null && remove >= 0 && remove < chosen.size()) {
            chosen.remove((int) remove);
        }
        if (up != null && up > 0 && up < chosen.size()) {
            chosen.add(up - 1, chosen.remove((int) up));
        }
        if (down != null && down >= 0 && down < chosen.size() - 1) {
            chosen.add(down + 1, chosen.remove((int) down));
        }
        var draft = form.draft(chosen);
        render(household, deviceId, slotId, draft, model);
        return "shop/slot";
    }

    @PostMapping
    String save(
            Caller caller,
            @PathVariable String deviceId,
            @PathVariable String slotId,
            @ModelAttribute DraftForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var household = app.page(caller, model, "devices");
        var draft = form.draft(form.products());
        try {
            devices.bind(household, new DeviceId(deviceId), slotId, policy(household, draft));
            redirect.addFlashAttribute("done", "done.bound");
            return "redirect:/shop/devices/" + deviceId;
        } catch (CornerException e) {
            DevicePages.refused(e, model, response);
            render(household, deviceId, slotId, draft, model);
            return "shop/slot";
        }
    }

    private HouseholdDevices.SlotView slot(Caller household, String deviceId, String slotId) {
        return devices.view(household, new DeviceId(deviceId)).slots().stream()
                .filter(s -> s.slotId().equals(slotId))
                .findFirst()
                .orElseThrow(() -> CornerException.notFound("SLOT_NOT_FOUND", "this device has no slot " + slotId));
    }

    /** The policy the draft describes; the devices model refuses what it does not allow. */
    private SlotPolicy policy(Caller household, Draft draft) {
        var storeIds = draft.stores().stream().map(StoreId::new).toList();
        var currency = storeIds.stream()
                .map(stores::find)
                .flatMap(Optional::stream)
                .map(Store::currency)
                .findFirst()
                .orElseGet(() -> app.currency(household));
        var cap = HouseholdApp.parseMoney(draft.cap(), currency, "maxUnitPrice");
        int quantity;
        try {
            quantity = Integer.parseInt(draft.quantity().strip());
        } catch (NumberFormatException e) {
            throw CornerException.invalid("INVALID_POLICY", "quantity must be a whole number");
        }
        Strategy strategy;
        try {
            strategy = Strategy.valueOf(draft.strategy());
        } catch (IllegalArgumentException e) {
            strategy = null;
        }
        return new SlotPolicy(
                draft.products().stream().map(ProductId::new).toList(),
                strategy,
                draft.nearby() ? List.of() : storeIds,
                draft.nearby() ? kilometres(draft.distance()) : null,
                cap,
                quantity,
                Fulfilment.PICKUP,
                DevicePages.consent(draft.consent()));
    }

    private void render(Caller household, String deviceId, String slotId, Draft draft, Model model) {
        model.addAttribute("deviceId", deviceId);
        model.addAttribute("slotId", slotId);
        model.addAttribute("draft", draft);
        var chosenIds = draft.products().stream().map(ProductId::new).toList();
        var known = catalog.products(chosenIds);
        List<Product> chosen =
                chosenIds.stream().map(known::get).filter(p -> p != null).toList();
        model.addAttribute("chosen", chosen);
        var found = catalog.search(draft.q(), RESULTS);
        var results = found.stream()
                .filter(p -> !draft.products().contains(p.id().value()))
                .toList();
        model.addAttribute("results", results);
        model.addAttribute("allChosen", results.isEmpty() && !found.isEmpty());
        model.addAttribute("searched", draft.q() != null && !draft.q().isBlank());
        var home = settings.of(household).home();
        model.addAttribute("home", home);
        // By distance, nothing can be said before the home is known; binding asks for it too.
        model.addAttribute("needsHome", draft.nearby() && home == null);
        model.addAttribute("storeRows", storeRows(draft, chosen, home));
        model.addAttribute("strategies", Strategy.values());
        model.addAttribute("consents", Consent.values());
        Pressing.Outlook outlook = null;
        try {
            if (!chosen.isEmpty()
                    && (draft.nearby()
                            ? !draft.distance().isBlank() && home != null
                            : !draft.stores().isEmpty())
                    && !draft.cap().isBlank()) {
                outlook = pressing.outlook(policy(household, draft), household.accountId());
            }
        } catch (CornerException incomplete) {
            // a draft that is not a policy yet has no outlook; saving it says why
        }
        model.addAttribute("outlook", outlook);
    }

    private List<StoreRow> storeRows(Draft draft, List<Product> chosen, GeoPoint home) {
        Map<StoreId, List<String>> prices = new LinkedHashMap<>();
        for (var offer : catalog.offersOf(chosen.stream().map(Product::id).toList())) {
            var name = chosen.stream()
                    .filter(p -> p.id().equals(offer.productId()))
                    .map(Product::name)
                    .findFirst()
                    .orElse("");
            prices.computeIfAbsent(offer.storeId(), s -> new ArrayList<>()).add(name + ": " + app.money(offer.price()));
        }
        for (var id : draft.stores()) {
            prices.putIfAbsent(new StoreId(id), List.of());
        }
        var rows = new ArrayList<StoreRow>();
        prices.forEach((id, offered) -> stores.find(id)
                .ifPresent(store -> rows.add(new StoreRow(
                        store,
                        draft.stores().contains(id.value()),
                        home == null ? null : home.distanceKmTo(store.location()),
                        offered))));
        rows.sort(
                home == null
                        ? Comparator.comparing((StoreRow r) -> r.store().name())
                        : Comparator.comparingDouble(StoreRow::distanceKm));
        return rows;
    }

    /** A distance as typed in kilometres ("2.5" or "2,5"); the policy checks its range. */
    private static Double kilometres(String text) {
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw CornerException.invalid("INVALID_POLICY", "maxDistanceKm must be a number of kilometres");
        }
    }

    private static String distance(double km) {
        return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
    }
}
