package dev.corner.shop;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.devices.HouseholdSpending;
import dev.corner.notifications.Inbox;
import dev.corner.notifications.LiveNotices;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.OrderView;
import dev.corner.orders.Ordering;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The household's home (confirmations waiting, the month's spending, latest notices), its notices and spending. */
@Controller
@RequestMapping("/shop")
class ShopPages {

    private final HouseholdApp app;
    private final Ordering ordering;
    private final HouseholdSpending spending;
    private final Inbox inbox;
    private final LiveNotices live;

    ShopPages(HouseholdApp app, Ordering ordering, HouseholdSpending spending, Inbox inbox, LiveNotices live) {
        this.app = app;
        this.ordering = ordering;
        this.spending = spending;
        this.inbox = inbox;
        this.live = live;
    }

    @GetMapping
    String home(Caller caller, Model model) {
        var household = app.page(caller, model, "home");
        pending(household, model);
        var spent = spending.of(household);
        model.addAttribute("spending", spent);
        model.addAttribute("streamSpent", spent.total().amount());
        app.notices(household, model, 5);
        return "shop/home";
    }

    /** The orders waiting for a confirmation, alone: refreshed when a notice arrives. */
    @GetMapping("/pending")
    String pendingFragment(Caller caller, Model model) {
        var household = app.household(caller);
        model.addAttribute("confirmLabel", HouseholdApp.confirmationLabel());
        pending(household, model);
        return "shop/fragments :: pending";
    }

    private void pending(Caller household, Model model) {
        List<OrderView> waiting = ordering.mine(household).stream()
                .filter(o -> o.status() == OrderStatus.AWAITING_CONFIRMATION)
                .toList();
        model.addAttribute("pending", waiting);
    }

    /** This month's total alone: refreshed when it changes (see {@link #stream}) or a notice arrives. */
    @GetMapping("/spending/month")
    String monthFragment(Caller caller, Model model) {
        model.addAttribute("spending", spending.of(app.household(caller)));
        return "shop/home :: month";
    }

    @GetMapping("/spending")
    String spending(Caller caller, Model model) {
        var household = app.page(caller, model, "spending");
        model.addAttribute("spending", spending.of(household));
        return "shop/spending";
    }

    @GetMapping("/notices")
    String notices(Caller caller, Model model) {
        var household = app.page(caller, model, "notices");
        app.notices(household, model, 100);
        return "shop/notices";
    }

    /** The list of notices alone: refreshed when one arrives. */
    @GetMapping("/notices/list")
    String noticeList(Caller caller, @RequestParam(defaultValue = "100") int limit, Model model) {
        var household = app.household(caller);
        app.notices(household, model, limit);
        return "shop/notices :: list";
    }

    /** The unread count in the header. */
    @GetMapping("/notices/badge")
    String badge(Caller caller, Model model) {
        model.addAttribute("unread", inbox.unread(app.household(caller)));
        return "shop/layout :: badge";
    }

    @PostMapping("/notices/{notificationId}/read")
    String markRead(Caller caller, @PathVariable String notificationId) {
        inbox.markRead(app.household(caller), notificationId);
        return "redirect:/shop/notices";
    }

    @PostMapping("/notices/read")
    String markAllRead(Caller caller) {
        inbox.markAllRead(app.household(caller));
        return "redirect:/shop/notices";
    }

    /**
     * The household's new notices as server-sent events, for the page's script; the same stream as
     * {@code GET /api/v1/notifications/stream}, with the web session instead of a token. With
     * {@code spent} (this month's total in minor units, as the home page showed it) it also sends a
     * {@code spending} event whenever a poll finds that total changed: an order placed, cancelled or
     * expired, or units added to one, without a notice for it.
     */
    @GetMapping(path = "/notices/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(
            Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long spent) {
        Long from = after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                from = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw CornerException.invalid("INVALID_EVENT_ID", "Last-Event-ID is the number of a notice");
            }
        }
        var household = app.household(caller);
        return live.open(
                household,
                from,
                spent == null
                        ? null
                        : new LiveNotices.Watch(
                                "spending",
                                Long.toString(spent),
                                () -> Long.toString(spending.totalThisMonth(household))));
    }

    /**
     * A refusal that is not a form's own (a caller who is not a household, a device or order that
     * is not the caller's) is a page of its own, with the problem's code.
     */
    @ControllerAdvice(basePackageClasses = ShopPages.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Refusals {
        @ExceptionHandler(CornerException.class)
        String refused(CornerException e, Model model, HttpServletResponse response) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("code", e.code());
            model.addAttribute("message", e.getMessage());
            return "shop/refused";
        }
    }
}
