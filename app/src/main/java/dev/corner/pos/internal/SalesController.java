package dev.corner.pos.internal;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.inventory.StockLine;
import dev.corner.pos.Selling;
import dev.corner.pos.Tender;
import dev.corner.stores.StoreId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/sales")
class SalesController {

    private final Selling selling;

    SalesController(Selling selling) {
        this.selling = selling;
    }

    record TenderRequest(Tender.Type type, Money amount) {}

    record SaleRequest(String saleId, List<StockLine.Json> lines, List<TenderRequest> tenders, String registerId) {}

    record Recorded(String saleId, Money total, Money change) {}

    /** Answers 201 with the same body for a re-sent sale: the till needs the same answer either way. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Recorded sell(Caller caller, @PathVariable String storeId, @RequestBody SaleRequest request) {
        var lines = StockLine.fromJson(request.lines());
        var tenders = request.tenders() == null
                ? List.<Tender>of()
                : request.tenders().stream()
                        .map(t -> {
                            if (t == null) {
                                throw CornerException.invalid("INVALID_TENDER", "a tender is empty");
                            }
                            return new Tender(t.type(), t.amount());
                        })
                        .toList();
        var sale = selling.record(
                caller,
                new StoreId(storeId),
                new Selling.SaleRequest(request.saleId(), lines, tenders, request.registerId()));
        return new Recorded(sale.saleId(), sale.total(), sale.change());
    }
}
