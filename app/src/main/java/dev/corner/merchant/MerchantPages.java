package dev.corner.merchant;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.notifications.Inbox;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The store picker and the alerts inbox. */
@Controller
@RequestMapping("/merchant")
class MerchantPages {

    private final BackOffice office;
    private final Inbox inbox;

    MerchantPages(BackOffice office, Inbox inbox) {
        this.office = office;
        this.inbox = inbox;
    }

    @GetMapping
    String stores(Caller caller, Model model) {
        var stores = office.stores(caller);
        model.addAttribute("stores", stores);
        office.header(caller, model);
        return "merchant/stores";
    }

    @GetMapping("/stores/{storeId}")
    String store(@PathVariable String storeId) {
        return "redirect:/merchant/stores/" + storeId + "/stock";
    }

    @GetMapping("/alerts")
    String alerts(Caller caller, Model model) {
        office.merchant(caller);
        model.addAttribute("alerts", inbox.of(caller, false, 100));
        model.addAttribute("storeNames", storeNames(caller));
        office.header(caller, model);
        return "merchant/alerts";
    }

    /** The unread count in the header, refreshed by htmx. */
    @GetMapping("/alerts/badge")
    String badge(Caller caller, Model model) {
        office.header(caller, model);
        return "merchant/layout :: badge";
    }

    @PostMapping("/alerts/{notificationId}/read")
    String markRead(Caller caller, @PathVariable String notificationId) {
        inbox.markRead(office.merchant(caller), notificationId);
        return "redirect:/merchant/alerts";
    }

    @PostMapping("/alerts/read")
    String markAllRead(Caller caller) {
        inbox.markAllRead(office.merchant(caller));
        return "redirect:/merchant/alerts";
    }

    private java.util.Map<String, String> storeNames(Caller caller) {
        var names = new java.util.HashMap<String, String>();
        office.stores(caller).forEach(store -> names.put(store.id().value(), store.name()));
        return names;
    }

    /**
     * A refusal on a back-office page that is not a form's own (a store that is not the caller's, a
     * caller who is not a merchant) is a page of its own, with the problem's code, not JSON.
     */
    @ControllerAdvice(basePackageClasses = MerchantPages.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Refusals {
        @ExceptionHandler(CornerException.class)
        String refused(CornerException e, Model model, HttpServletResponse response) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("code", e.code());
            model.addAttribute("message", e.getMessage());
            return "merchant/refused";
        }
    }
}
