package dev.corner.shop;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.OrderView;
import dev.corner.orders.Ordering;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The household's orders, newest first: confirm those waiting, cancel those still cancellable. */
@Controller
@RequestMapping("/shop/orders")
class OrderPages {

    private final HouseholdApp app;
    private final Ordering ordering;
    private final Clock clock;

    OrderPages(HouseholdApp app, Ordering ordering, Clock clock) {
        this.app = app;
        this.ordering = ordering;
        this.clock = clock;
    }

    /** An order and whether it may still be cancelled now. */
    record OrderRow(OrderView order, boolean cancellable) {}

    @GetMapping
    String orders(Caller caller, Model model) {
        var household = app.page(caller, model, "orders");
        var now = clock.instant();
        model.addAttribute(
                "orders",
                ordering.mine(household).stream()
                        .map(o -> new OrderRow(
                                o,
                                o.status() == OrderStatus.AWAITING_CONFIRMATION
                                        || (o.status() == OrderStatus.PLACED
                                                && (o.cancelUntil() == null || !now.isAfter(o.cancelUntil())))))
                        .toList());
        var month = now.atOffset(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        model.addAttribute("consolidation", ordering.consolidation(household, month));
        return "shop/orders";
    }

    @PostMapping("/{orderId}/cancel")
    String cancel(
            Caller caller,
            @PathVariable String orderId,
            @RequestParam(defaultValue = "/shop/orders") String back,
            RedirectAttributes redirect) {
        ordering.cancel(app.household(caller), new OrderId(orderId));
        redirect.addFlashAttribute("done", "done.cancelled");
        return "redirect:" + back(back);
    }

    /**
     * The household pressed the confirm button next to the product, price and total it was shown.
     * The order's own price and total are what the evidence records; the page sends back the total it
     * showed, and a different one is refused rather than confirmed.
     */
    @PostMapping("/{orderId}/confirm")
    String confirm(
            Caller caller,
            @PathVariable String orderId,
            @RequestParam long shownTotal,
            @RequestParam(defaultValue = "/shop") String back,
            RedirectAttributes redirect) {
        var household = app.household(caller);
        var id = new OrderId(orderId);
        if (ordering.mine(household, id).total().amount() != shownTotal) {
            throw CornerException.conflict("TOTAL_CHANGED", "the order's total is not the one shown; look again");
        }
        ordering.confirm(household, id, Ordering.Channel.WEB, HouseholdApp.language());
        redirect.addFlashAttribute("done", "done.confirmed");
        return "redirect:" + back(back);
    }

    /** Only pages of the app itself: a form cannot send the household elsewhere. */
    private static String back(String back) {
        return back.startsWith("/shop") && !back.startsWith("//") ? back : "/shop";
    }
}
