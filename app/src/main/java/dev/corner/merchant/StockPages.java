package dev.corner.merchant;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.Movement.AdjustmentReason;
import dev.corner.inventory.StockKeeping;
import dev.corner.inventory.StockKeeping.CountKind;
import dev.corner.inventory.StockLine;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A store's stock and the work on it: the live list with search and filters, and the forms to
 * receive, adjust, count and transfer. A form that is refused comes back with what was typed and
 * the problem's code and message.
 */
@Controller
@RequestMapping("/merchant/stores/{storeId}")
class StockPages {

    /** Blank lines a form offers; the page's script adds more. */
    private static final int BLANK_LINES = 3;

    private final BackOffice office;
    private final Inventory inventory;
    private final StockKeeping stockKeeping;

    StockPages(BackOffice office, Inventory inventory, StockKeeping stockKeeping) {
        this.office = office;
        this.inventory = inventory;
        this.stockKeeping = stockKeeping;
    }

    /** One line of a form as typed: a GTIN and a number (a quantity, a change, a count). */
    record Line(String gtin, String amount) {
        boolean blank() {
            return (gtin == null || gtin.isBlank()) && (amount == null || amount.isBlank());
        }
    }

    /** What a count found, per product, for the variance report. */
    record VarianceRow(String name, long expected, long counted, long variance) {}

    @GetMapping("/stock")
    String stock(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "all") String show,
            Model model) {
        var store = office.store(caller, storeId, model, "stock");
        rows(caller, store, q, show, model);
        return "merchant/stock";
    }

    /** The table alone, for the search box and the live refresh. */
    @GetMapping("/stock/rows")
    String stockRows(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "all") String show,
            Model model) {
        var store = office.store(caller, storeId, model, "stock");
        rows(caller, store, q, show, model);
        return "merchant/stock :: rows";
    }

    private void rows(Caller caller, Store store, String q, String show, Model model) {
        var all = office.stock(caller, store);
        var rows = all.stream()
                .filter(row -> row.matches(q))
                .filter(row -> switch (show) {
                    case "low" -> row.low();
                    case "out" -> row.out();
                    default -> true;
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("q", q);
        model.addAttribute("show", show);
    }

    @GetMapping("/receive")
    String receiveForm(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(required = false) String gtin,
            @RequestParam(required = false) String quantity,
            Model model) {
        var store = office.store(caller, storeId, model, "receive");
        form(caller, store, model, gtin == null ? List.of() : List.of(new Line(gtin, quantity)));
        return "merchant/receive";
    }

    @PostMapping("/receive")
    String receive(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(name = "gtin", required = false) List<String> gtins,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(required = false) String reference,
            Model model,
            HttpServletResponse response) {
        var store = office.store(caller, storeId, model, "receive");
        var lines = lines(gtins, amounts);
        model.addAttribute("reference", reference);
        return submit(caller, store, lines, model, response, "merchant/receive", () -> {
            var stock = stockLines(lines);
            inventory.receive(caller, store.id(), stock, reference == null || reference.isBlank() ? null : reference);
            model.addAttribute("reference", null);
            return "Received " + lineCount(stock.size())
                    + (reference == null || reference.isBlank() ? "" : " on delivery note " + reference.strip()) + ".";
        });
    }

    @GetMapping("/adjust")
    String adjustForm(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "adjust");
        form(caller, store, model, List.of());
        return "merchant/adjust";
    }

    @PostMapping("/adjust")
    String adjust(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(name = "gtin", required = false) List<String> gtins,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response) {
        var store = office.store(caller, storeId, model, "adjust");
        var lines = lines(gtins, amounts);
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        return submit(caller, store, lines, model, response, "merchant/adjust", () -> {
            var why = reason(reason);
            var changes = new ArrayList<StockKeeping.Change>();
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                changes.add(new StockKeeping.Change(
                        office.product(line.gtin(), i + 1).id(),
                        BackOffice.wholeNumber(line.amount(), "the change", i + 1)));
            }
            stockKeeping.adjust(caller, store.id(), changes, why, note == null || note.isBlank() ? null : note);
            model.addAttribute("note", null);
            return "Adjusted " + lineCount(changes.size()) + " (" + why + ").";
        });
    }

    @GetMapping("/count")
    String countForm(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "count");
        model.addAttribute("kind", "CYCLE");
        form(caller, store, model, List.of());
        return "merchant/count";
    }

    @PostMapping("/count")
    String count(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(name = "gtin", required = false) List<String> gtins,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(defaultValue = "CYCLE") String kind,
            Model model,
            HttpServletResponse response) {
        var store = office.store(caller, storeId, model, "count");
        var lines = lines(gtins, amounts);
        model.addAttribute("kind", kind);
        return submit(caller, store, lines, model, response, "merchant/count", () -> {
            var countKind = switch (kind) {
                case "CYCLE" -> CountKind.CYCLE;
                case "FULL" -> CountKind.FULL;
                default -> throw CornerException.invalid("INVALID_COUNT", "kind must be CYCLE or FULL");
            };
            var counted = new LinkedHashMap<ProductId, Long>();
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                var product = office.product(line.gtin(), i + 1);
                if (counted.put(product.id(), BackOffice.wholeNumber(line.amount(), "the count", i + 1)) != null) {
                    throw CornerException.invalid(
                            "INVALID_LINE", "line " + (i + 1) + ": " + product.name() + " is counted twice");
                }
            }
            var variances = stockKeeping.count(caller, store.id(), countKind, counted).stream()
                    .map(v ->
                            new VarianceRow(office.productName(v.productId()), v.expected(), v.counted(), v.variance()))
                    .toList();
            model.addAttribute("variances", variances);
            model.addAttribute(
                    "totalVariance",
                    variances.stream().mapToLong(VarianceRow::variance).sum());
            return (countKind == CountKind.FULL ? "Full" : "Cycle") + " count booked.";
        });
    }

    @GetMapping("/transfer")
    String transferForm(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "transfer");
        form(caller, store, model, List.of());
        return "merchant/transfer";
    }

    @PostMapping("/transfer")
    String transfer(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(name = "gtin", required = false) List<String> gtins,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(required = false) String toStoreId,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response) {
        var store = office.store(caller, storeId, model, "transfer");
        var lines = lines(gtins, amounts);
        model.addAttribute("toStoreId", toStoreId);
        model.addAttribute("note", note);
        return submit(caller, store, lines, model, response, "merchant/transfer", () -> {
            if (toStoreId == null || toStoreId.isBlank()) {
                throw CornerException.invalid("INVALID_STORE", "choose the store the goods go to");
            }
            var stock = stockLines(lines);
            stockKeeping.transfer(
                    caller, store.id(), new StoreId(toStoreId), stock, note == null || note.isBlank() ? null : note);
            var to = office.stores(caller).stream()
                    .filter(s -> s.id().value().equals(toStoreId))
                    .findFirst()
                    .map(Store::name)
                    .orElse(toStoreId);
            model.addAttribute("note", null);
            return "Sent " + lineCount(stock.size()) + " to " + to + ".";
        });
    }

    /**
     * Runs a form's action. Done, the page shows the action's message and a fresh form; refused,
     * the problem and the lines as they were typed.
     */
    private String submit(
            Caller caller,
            Store store,
            List<Line> lines,
            Model model,
            HttpServletResponse response,
            String view,
            Supplier<String> action) {
        try {
            model.addAttribute("done", action.get());
            form(caller, store, model, List.of());
        } catch (CornerException e) {
            refused(e, model, response);
            form(caller, store, model, lines);
        }
        return view;
    }

    /** The typed lines as products and quantities. */
    private List<StockLine> stockLines(List<Line> lines) {
        var stock = new ArrayList<StockLine>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            stock.add(new StockLine(
                    office.product(line.gtin(), i + 1).id(), BackOffice.wholeNumber(line.amount(), "quantity", i + 1)));
        }
        return stock;
    }

    private static String lineCount(int n) {
        return n + (n == 1 ? " line" : " lines");
    }

    private static AdjustmentReason reason(String reason) {
        try {
            return AdjustmentReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CornerException.invalid("INVALID_REASON", "choose a reason: " + List.of(AdjustmentReason.values()));
        }
    }

    /** The lines a form sent, blank ones left out; none at all is refused. */
    private static List<Line> lines(List<String> gtins, List<String> amounts) {
        var lines = new ArrayList<Line>();
        int n = Math.max(gtins == null ? 0 : gtins.size(), amounts == null ? 0 : amounts.size());
        for (int i = 0; i < n; i++) {
            var line = new Line(
                    gtins != null && i < gtins.size() ? gtins.get(i) : null,
                    amounts != null && i < amounts.size() ? amounts.get(i) : null);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The form's lines (what was typed, then blank ones) and the store's products to choose from. */
    private void form(Caller caller, Store store, Model model, List<Line> typed) {
        var lines = new ArrayList<>(typed);
        for (int i = 0; i < BLANK_LINES; i++) {
            lines.add(new Line("", ""));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("products", office.stock(caller, store));
        model.addAttribute(
                "otherStores",
                office.stores(caller).stream()
                        .filter(s -> !s.id().equals(store.id()))
                        .toList());
        model.addAttribute("reasons", AdjustmentReason.values());
    }

    private static void refused(CornerException e, Model model, HttpServletResponse response) {
        response.setStatus(Problems.statusOf(e.kind()).value());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorCode", e.code());
    }
}
