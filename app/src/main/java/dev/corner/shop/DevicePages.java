package dev.corner.shop;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.common.web.Problems;
import dev.corner.devices.DeviceId;
import dev.corner.devices.HouseholdDevices;
import dev.corner.devices.HouseholdDevices.DeviceView;
import dev.corner.devices.HouseholdDevices.SlotView;
import dev.corner.devices.HouseholdSettings;
import dev.corner.devices.Pressing;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.ConsentPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The household's devices: claim one, see each with its slots, pause, limits, revoke. */
@Controller
@RequestMapping("/shop/devices")
class DevicePages {

    private final HouseholdApp app;
    private final HouseholdDevices devices;
    private final HouseholdSettings settings;
    private final Pressing pressing;

    DevicePages(HouseholdApp app, HouseholdDevices devices, HouseholdSettings settings, Pressing pressing) {
        this.app = app;
        this.devices = devices;
        this.settings = settings;
        this.pressing = pressing;
    }

    /**
     * A slot as its device page shows it: what it is bound to, what it would order now, and the
     * consent that applies to its presses (the slot's own, the device's or the household's).
     */
    record SlotRow(SlotView slot, Pressing.Outlook outlook, ConsentPolicy consent) {}

    @GetMapping
    String list(Caller caller, Model model) {
        var household = app.page(caller, model, "devices");
        overview(household, model);
        return "shop/devices";
    }

    private void overview(Caller household, Model model) {
        model.addAttribute("devices", devices.overview(household));
        model.addAttribute("householdPaused", settings.of(household).paused());
    }

    @PostMapping("/claim")
    String claim(
            Caller caller,
            @RequestParam(defaultValue = "") String serial,
            @RequestParam(defaultValue = "") String claimCode,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var household = app.household(caller);
        try {
            var id = devices.claim(household, serial.strip(), claimCode.strip());
            redirect.addFlashAttribute("done", "done.claimed");
            return "redirect:/shop/devices/" + id.value();
        } catch (CornerException e) {
            refused(e, model, response);
            if ("DEVICE_NOT_FOUND".equals(e.code())) {
                // Here it means the serial and the code do not match, not a device that is gone.
                model.addAttribute("errorMessage", "claim.notMatched");
            }
            model.addAttribute("serial", serial);
            HouseholdApp.shownAt(model, "/shop/devices");
            app.page(caller, model, "devices");
            overview(household, model);
            return "shop/devices";
        }
    }

    @GetMapping("/{deviceId}")
    String device(Caller caller, @PathVariable String deviceId, Model model) {
        var household = app.page(caller, model, "devices");
        show(household, new DeviceId(deviceId), model);
        return "shop/device";
    }

    private DeviceView show(Caller household, DeviceId id, Model model) {
        var device = devices.view(household, id);
        var own = settings.of(household);
        model.addAttribute("device", device);
        model.addAttribute("householdPaused", own.paused());
        List<SlotRow> slots = device.slots().stream()
                .map(slot -> slot.bound()
                        ? new SlotRow(
                                slot,
                                pressing.outlook(slot.policy(), household.accountId()),
                                new ConsentPolicy(
                                        own.consent(),
                                        device.consent(),
                                        slot.policy().consent(),
                                        own.priceGuardPercent()))
                        : new SlotRow(slot, null, null))
                .toList();
        model.addAttribute("slots", slots);
        model.addAttribute("consents", Consent.values());
        return device;
    }

    @PostMapping("/{deviceId}/pause")
    String pause(
            Caller caller, @PathVariable String deviceId, @RequestParam boolean paused, RedirectAttributes redirect) {
        devices.setPaused(app.household(caller), new DeviceId(deviceId), paused);
        redirect.addFlashAttribute("done", paused ? "done.paused" : "done.resumed");
        return "redirect:/shop/devices/" + deviceId;
    }

    /** The device's own consent mode ({@code HOUSEHOLD}: follow the household's) and limits (blank: none). */
    @PostMapping("/{deviceId}/limits")
    String limits(
            Caller caller,
            @PathVariable String deviceId,
            @RequestParam(defaultValue = "HOUSEHOLD") String consent,
            @RequestParam(defaultValue = "") String dailyLimit,
            @RequestParam(defaultValue = "") String monthlyLimit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var household = app.household(caller);
        var id = new DeviceId(deviceId);
        try {
            var currency = app.currency(household);
            var daily = HouseholdApp.parseMoney(dailyLimit, currency, "dailyLimit");
            var monthly = HouseholdApp.parseMoney(monthlyLimit, currency, "monthlyLimit");
            // Blank removes a limit, which the devices API spells as 0.
            devices.override(
                    household,
                    id,
                    "HOUSEHOLD".equals(consent) ? null : consent(consent),
                    daily == null ? Money.zero(currency) : daily,
                    monthly == null ? Money.zero(currency) : monthly);
            if ("HOUSEHOLD".equals(consent)) {
                devices.followHouseholdConsent(household, id);
            }
            redirect.addFlashAttribute("done", "done.limits");
            return "redirect:/shop/devices/" + deviceId;
        } catch (CornerException e) {
            refused(e, model, response);
            HouseholdApp.shownAt(model, "/shop/devices/" + deviceId);
            app.page(caller, model, "devices");
            show(household, id, model);
            return "shop/device";
        }
    }

    /** Revoking asks first: the device can never order again. */
    @GetMapping("/{deviceId}/revoke")
    String revokeQuestion(Caller caller, @PathVariable String deviceId, Model model) {
        var household = app.page(caller, model, "devices");
        model.addAttribute("device", devices.view(household, new DeviceId(deviceId)));
        return "shop/revoke";
    }

    @PostMapping("/{deviceId}/revoke")
    String revoke(Caller caller, @PathVariable String deviceId, RedirectAttributes redirect) {
        devices.revoke(app.household(caller), new DeviceId(deviceId));
        redirect.addFlashAttribute("done", "done.revoked");
        return "redirect:/shop/devices";
    }

    static Consent consent(String value) {
        try {
            return Consent.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CornerException.invalid("INVALID_SETTINGS", "consent must be CANCEL_WINDOW or CONFIRM_EACH");
        }
    }

    /**
     * A form's refusal, shown on the form again with what was typed: the message, and the field it
     * names (a refusal's detail starts with the name of the field at fault, if any), for the form to
     * mark.
     */
    static void refused(CornerException e, Model model, HttpServletResponse response) {
        response.setStatus(Problems.statusOf(e.kind()).value());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorCode", e.code());
        var field = FIELD_NAMED.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (field.lookingAt()) {
            model.addAttribute("errorField", field.group(1));
        }
    }

    private static final Pattern FIELD_NAMED = Pattern.compile("([a-z][A-Za-z]+)(?=:? )");
}
