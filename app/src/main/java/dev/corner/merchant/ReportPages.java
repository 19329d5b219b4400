package dev.corner.merchant;

import dev.corner.catalog.Catalog;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.inventory.ReorderPolicy;
import dev.corner.inventory.Replenishment;
import dev.corner.pos.SalesHistory;
import dev.corner.pos.Shifts;
import dev.corner.pos.model.ZReport;
import dev.corner.stores.Store;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Low stock with reorder suggestions and policies, and the store's shifts with their Z-reports. */
@Controller
@RequestMapping("/merchant/stores/{storeId}")
class ReportPages {

    private final BackOffice office;
    private final Replenishment replenishment;
    private final Shifts shifts;
    private final Catalog catalog;
    private final SalesHistory salesHistory;

    ReportPages(
            BackOffice office, Replenishment replenishment, Shifts shifts, Catalog catalog, SalesHistory salesHistory) {
        this.office = office;
        this.replenishment = replenishment;
        this.shifts = shifts;
        this.catalog = catalog;
        this.salesHistory = salesHistory;
    }

    record LowRow(
            String name,
            String gtin,
            long available,
            long reorderPoint,
            String averageDailySales,
            long suggestedOrder,
            String policy) {}

    record SaleRow(String saleId, Instant recordedAt, String register, String total, String notes) {}

    record ShiftRow(
            String shiftId,
            String register,
            Instant openedAt,
            Instant closedAt,
            long sales,
            long offlineSales,
            String salesTotal,
            String discounts,
            String cardTaken,
            long returns,
            String refunds,
            String openingFloat,
            String cashTaken,
            String paidIn,
            String paidOut,
            long noSales,
            String expectedCash,
            String countedCash,
            String variance,
            boolean drawerShort) {}

    @GetMapping("/low")
    String low(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "low");
        lowRows(caller, store, model);
        return "merchant/low";
    }

    @PostMapping("/low/policy")
    String setPolicy(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(required = false) String gtin,
            @RequestParam(required = false) String leadTimeDays,
            @RequestParam(required = false) String safetyStock,
            @RequestParam(required = false) String coverDays,
            Model model,
            HttpServletResponse response) {
        var store = office.store(caller, storeId, model, "low");
        try {
            var product = office.product(gtin, 1);
            var policy = new ReorderPolicy(
                    (int) number(leadTimeDays, "leadTimeDays"),
                    number(safetyStock, "safetyStock"),
                    coverDays == null || coverDays.isBlank()
                            ? ReorderPolicy.DEFAULT.coverDays()
                            : (int) number(coverDays, "coverDays"));
            replenishment.setPolicy(caller, store.id(), product.id(), policy);
            model.addAttribute("done", "Reorder policy of " + product.name() + " saved.");
        } catch (CornerException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorCode", e.code());
            model.addAttribute("gtin", gtin);
            model.addAttribute("leadTimeDays", leadTimeDays);
            model.addAttribute("safetyStock", safetyStock);
            model.addAttribute("coverDays", coverDays);
        }
        lowRows(caller, store, model);
        return "merchant/low";
    }

    private void lowRows(Caller caller, Store store, Model model) {
        var low = replenishment.lowStock(caller, store.id());
        var products = catalog.products(
                low.stream().map(Replenishment.LowStock::productId).toList());
        model.addAttribute(
                "rows",
                low.stream()
                        .map(l -> {
                            var product = products.get(l.productId());
                            return new LowRow(
                                    product == null ? l.productId().value() : product.name(),
                                    product == null ? "" : product.gtin().value(),
                                    l.level().onHand() - l.level().reserved(),
                                    l.reorderPoint(),
                                    String.format(java.util.Locale.ROOT, "%.2f", l.averageDailySales()),
                                    l.suggestedOrder(),
                                    l.policy().leadTimeDays() + " d lead, "
                                            + l.policy().safetyStock() + " safety, "
                                            + l.policy().coverDays() + " d cover");
                        })
                        .toList());
        model.addAttribute("products", office.stock(caller, store));
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw CornerException.invalid("INVALID_POLICY", field + " must be a whole number");
        }
    }

    @GetMapping("/sales")
    String sales(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "sales");
        var registers = new HashMap<String, String>();
        shifts.registers(caller, store.id()).forEach(r -> registers.put(r.registerId(), r.name()));
        List<ShiftRow> rows = shifts.history(caller, store.id(), 100).stream()
                .map(z -> row(z, registers.getOrDefault(z.registerId(), z.registerId())))
                .toList();
        model.addAttribute("shifts", rows);
        model.addAttribute(
                "sales",
                salesHistory
                        .search(caller, store.id(), new SalesHistory.Search(null, null, null, null, false, null, 50))
                        .stream()
                        .map(sale -> new SaleRow(
                                sale.saleId(),
                                sale.recordedAt(),
                                sale.registerId() == null
                                        ? "—"
                                        : registers.getOrDefault(sale.registerId(), sale.registerId()),
                                BackOffice.money(sale.total()),
                                (sale.offline() ? "offline " : "")
                                        + String.join(
                                                " ",
                                                sale.flags().stream()
                                                        .map(Object::toString)
                                                        .sorted()
                                                        .toList())))
                        .toList());
        return "merchant/sales";
    }

    private static ShiftRow row(ZReport z, String register) {
        return new ShiftRow(
                z.shiftId(),
                register,
                z.openedAt(),
                z.closedAt(),
                z.sales(),
                z.offlineSales(),
                BackOffice.money(z.salesTotal()),
                BackOffice.money(z.discounts()),
                BackOffice.money(z.byTender().get("CARD")),
                z.returns(),
                BackOffice.money(z.refunds()),
                BackOffice.money(z.openingFloat()),
                BackOffice.money(z.cashTaken()),
                BackOffice.money(z.paidIn()),
                BackOffice.money(z.paidOut()),
                z.noSales(),
                BackOffice.money(z.expectedCash()),
                BackOffice.money(z.countedCash()),
                BackOffice.money(z.variance()),
                z.variance() != null && z.variance().belowZero());
    }
}
