package dev.corner.pos.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Digests;
import dev.corner.common.Money;
import dev.corner.pos.Returning;
import dev.corner.pos.Sale;
import dev.corner.pos.SaleFlag;
import dev.corner.pos.SaleReturn;
import dev.corner.pos.SalesHistory;
import dev.corner.pos.Selling;
import dev.corner.pos.Tender;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/stores/{storeId}")
class SalesController {

    private final Selling selling;
    private final Returning returning;
    private final SalesHistory history;
    private final JsonMapper json;

    SalesController(Selling selling, Returning returning, SalesHistory history, JsonMapper json) {
        this.json = json;
        this.selling = selling;
        this.returning = returning;
        this.history = history;
    }

    record LineRequest(String productId, Long quantity, Integer discountPercent, Money unitPrice) {}

    record TenderRequest(Tender.Type type, Money amount, String terminalId) {}

    record SaleRequest(
            String saleId,
            List<LineRequest> lines,
            Money basketDiscount,
            List<TenderRequest> tenders,
            String registerId,
            Instant madeOfflineAt,
            String soldBy) {}

    record TenderJson(
            Tender.Type type,
            Money amount,
            String terminalId,
            Tender.Status status,
            String authCode,
            String declineCode) {
        static TenderJson of(Tender t) {
            return new TenderJson(t.type(), t.amount(), t.terminalId(), t.status(), t.authCode(), t.declineCode());
        }
    }

    record Recorded(
            String saleId,
            Money subtotal,
            Money discount,
            Money total,
            Money change,
            List<TenderJson> tenders,
            Set<SaleFlag> flags) {
        static Recorded of(Sale sale) {
            return new Recorded(
                    sale.saleId(),
                    sale.subtotal(),
                    sale.discount(),
                    sale.total(),
                    sale.change(),
                    sale.tenders().stream().map(TenderJson::of).toList(),
                    sale.flags());
        }
    }

    /** Answers 201 with the same body for a re-sent sale: the till needs the same answer either way. */
    @PostMapping("/sales")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded sell(Caller caller, @PathVariable String storeId, @RequestBody SaleRequest request) {
        var lines = request.lines() == null
                ? List.<Selling.LineRequest>of()
                : request.lines().stream()
                        .map(l -> {
                            if (l == null || l.productId() == null) {
                                throw CornerException.invalid(
                                        "INVALID_LINE", "each line needs a productId and a quantity");
                            }
                            return new Selling.LineRequest(
                                    new ProductId(l.productId()),
                                    l.quantity() == null ? 0 : l.quantity(),
                                    l.discountPercent() == null ? 0 : l.discountPercent(),
                                    l.unitPrice());
                        })
                        .toList();
        var tenders = request.tenders() == null
                ? List.<Tender>of()
                : request.tenders().stream()
                        .map(t -> {
                            if (t == null) {
                                throw CornerException.invalid("INVALID_TENDER", "a tender is empty");
                            }
                            return Tender.asked(t.type(), t.amount(), t.terminalId());
                        })
                        .toList();
        var sale = selling.record(
                caller,
                new StoreId(storeId),
                new Selling.SaleRequest(
                        request.saleId(),
                        lines,
                        request.basketDiscount(),
                        tenders,
                        request.registerId(),
                        request.madeOfflineAt(),
                        request.soldBy()));
        return Recorded.of(sale);
    }

    record LineJson(
            int lineNo,
            String productId,
            String name,
            long quantity,
            Money unitPrice,
            int discountPercent,
            Money discount,
            Money total) {}

    record ReturnJson(String returnId, Money refund, List<ReturnLineJson> lines, List<RefundJson> refunds) {
        static ReturnJson of(SaleReturn r) {
            return new ReturnJson(
                    r.returnId(),
                    r.refund(),
                    r.lines().stream()
                            .map(l -> new ReturnLineJson(l.lineNo(), l.quantity(), l.restock(), l.refund()))
                            .toList(),
                    r.refunds().stream()
                            .map(f -> new RefundJson(f.type(), f.amount()))
                            .toList());
        }
    }

    record ReturnLineJson(int lineNo, long quantity, boolean restock, Money refund) {}

    record RefundJson(SaleReturn.RefundType type, Money amount) {}

    record SaleJson(
            String saleId,
            String registerId,
            Instant recordedAt,
            Instant madeOfflineAt,
            String servedBy,
            List<LineJson> lines,
            Money subtotal,
            Money discount,
            Money total,
            Money change,
            List<TenderJson> tenders,
            Set<SaleFlag> flags,
            List<ReturnJson> returns) {}

    @GetMapping("/sales/{saleId}")
    SaleJson sale(Caller caller, @PathVariable String storeId, @PathVariable String saleId) {
        var receipt = history.receipt(caller, new StoreId(storeId), saleId);
        var sale = receipt.sale();
        return new SaleJson(
                sale.saleId(),
                sale.registerId(),
                receipt.recordedAt(),
                sale.madeOfflineAt(),
                receipt.servedBy(),
                sale.lines().stream()
                        .map(l -> new LineJson(
                                l.lineNo(),
                                l.productId().value(),
                                receipt.productNames().getOrDefault(l.productId(), ""),
                                l.quantity(),
                                l.unitPrice(),
                                l.discountPercent(),
                                l.discount(),
                                l.total()))
                        .toList(),
                sale.subtotal(),
                sale.discount(),
                sale.total(),
                sale.change(),
                sale.tenders().stream().map(TenderJson::of).toList(),
                sale.flags(),
                receipt.returns().stream().map(ReturnJson::of).toList());
    }

    record SaleList(List<SalesHistory.Summary> sales) {}

    @GetMapping("/sales")
    SaleList search(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) String productId,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(required = false) String saleId,
            @RequestParam(defaultValue = "50") int limit) {
        return new SaleList(history.search(
                caller,
                new StoreId(storeId),
                new SalesHistory.Search(
                        from,
                        to,
                        registerId,
                        productId == null ? null : new ProductId(productId),
                        flagged,
                        saleId == null || saleId.isBlank() ? null : saleId.strip(),
                        limit)));
    }

    record ReceiptEmail(String email) {}

    record Queued(String status) {}

    /** 202: the mail is in the outbox and leaves when the SMTP server takes it. */
    @PostMapping("/sales/{saleId}/receipt-emails")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued emailReceipt(
            Caller caller,
            @PathVariable String storeId,
            @PathVariable String saleId,
            @RequestBody ReceiptEmail request) {
        history.emailReceipt(caller, new StoreId(storeId), saleId, request.email());
        return new Queued("QUEUED");
    }

    record ReturnLineRequest(Integer lineNo, Long quantity, Boolean restock) {}

    record ReturnRequest(
            String returnId, String saleId, String registerId, List<ReturnLineRequest> lines, String reason) {}

    record ReturnRecorded(String returnId, String saleId, Money refund, List<RefundJson> refunds) {}

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    ReturnRecorded takeBack(Caller caller, @PathVariable String storeId, @RequestBody ReturnRequest request) {
        var lines = request.lines() == null
                ? List.<Returning.LineRequest>of()
                : request.lines().stream()
                        .map(l -> {
                            if (l == null || l.lineNo() == null || l.quantity() == null || l.restock() == null) {
                                throw CornerException.invalid(
                                        "INVALID_LINE", "each line needs a lineNo, a quantity and restock");
                            }
                            return new Returning.LineRequest(l.lineNo(), l.quantity(), l.restock());
                        })
                        .toList();
        var taken = returning.take(
                caller,
                new StoreId(storeId),
                new Returning.ReturnRequest(
                        request.returnId(), request.saleId(), request.registerId(), lines, request.reason()));
        return new ReturnRecorded(
                taken.returnId(),
                taken.saleId(),
                taken.refund(),
                taken.refunds().stream()
                        .map(f -> new RefundJson(f.type(), f.amount()))
                        .toList());
    }

    record ProductJson(String productId, String gtin, String name, Money price) {}

    record StoreJson(String storeId, String name, String currency) {}

    record SetupJson(StoreJson store, SalesHistory.Worker staff, Money offlineCardLimit, List<ProductJson> products) {}

    /**
     * The register's setup, with an ETag over its content: a register that has it already asks
     * with {@code If-None-Match} and is answered {@code 304 Not Modified}, without the body.
     */
    @GetMapping("/pos/setup")
    SetupJson setup(Caller caller, @PathVariable String storeId, WebRequest request) {
        var setup = setupOf(caller, storeId);
        var etag = "\"" + Digests.sha256Hex(json.writeValueAsBytes(setup)).substring(0, 32) + "\"";
        return request.checkNotModified(etag) ? null : setup;
    }

    private SetupJson setupOf(Caller caller, String storeId) {
        var setup = history.setup(caller, new StoreId(storeId));
        var store = setup.store();
        return new SetupJson(
                new StoreJson(store.id().value(), store.name(), store.currency()),
                setup.worker(),
                setup.offlineCardLimit(),
                setup.products().stream()
                        .map(o -> new ProductJson(
                                o.product().id().value(),
                                o.product().gtin().value(),
                                o.product().name(),
                                o.price()))
                        .toList());
    }
}
