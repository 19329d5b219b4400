package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.inventory.Movement.AdjustmentReason;
import dev.corner.inventory.MovementKind;
import dev.corner.inventory.StockKeeping;
import dev.corner.inventory.StockKeeping.CountKind;
import dev.corner.inventory.StockLine;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class StockKeepingController {

    private final StockKeeping stock;

    StockKeepingController(StockKeeping stock) {
        this.stock = stock;
    }

    record ChangeLine(String productId, Long change) {}

    record Adjustment(AdjustmentReason reason, String note, List<ChangeLine> lines) {}

    record CountLine(String productId, Long counted) {}

    record Count(CountKind kind, List<CountLine> lines) {}

    record VarianceJson(String productId, long expected, long counted, long variance) {}

    record CountReport(String kind, List<VarianceJson> variances, long totalVariance) {}

    record Transfer(String toStoreId, String note, List<StockLine.Json> lines) {}

    record Done(String storeId, int lines) {}

    record MovementJson(
            long id,
            MovementKind kind,
            long onHandChange,
            long reservedChange,
            String reason,
            String reference,
            Instant at) {}

    record Movements(String storeId, String productId, List<MovementJson> movements) {}

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Done adjust(Caller caller, @PathVariable String storeId, @RequestBody Adjustment request) {
        var changes = lines(request.lines()).stream()
                .map(line -> {
                    if (line == null || line.productId() == null || line.change() == null) {
                        throw CornerException.invalid("INVALID_LINE", "each line needs a productId and a change");
                    }
                    return new StockKeeping.Change(new ProductId(line.productId()), line.change());
                })
                .toList();
        stock.adjust(caller, new StoreId(storeId), changes, request.reason(), request.note());
        return new Done(storeId, changes.size());
    }

    @PostMapping("/counts")
    @ResponseStatus(HttpStatus.CREATED)
    CountReport count(Caller caller, @PathVariable String storeId, @RequestBody Count request) {
        var counted = new LinkedHashMap<ProductId, Long>();
        for (var line : lines(request.lines())) {
            if (line == null || line.productId() == null || line.counted() == null) {
                throw CornerException.invalid("INVALID_LINE", "each line needs a productId and what was counted");
            }
            if (counted.put(new ProductId(line.productId()), line.counted()) != null) {
                throw CornerException.invalid("INVALID_LINE", "product " + line.productId() + " is counted twice");
            }
        }
        var variances = stock.count(caller, new StoreId(storeId), request.kind(), counted).stream()
                .map(v -> new VarianceJson(v.productId().value(), v.expected(), v.counted(), v.variance()))
                .toList();
        return new CountReport(
                String.valueOf(request.kind()),
                variances,
                variances.stream().mapToLong(VarianceJson::variance).sum());
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    Done transfer(Caller caller, @PathVariable String storeId, @RequestBody Transfer request) {
        if (request.toStoreId() == null) {
            throw CornerException.invalid("INVALID_STORE", "toStoreId is required");
        }
        var lines = StockLine.fromJson(request.lines());
        stock.transfer(caller, new StoreId(storeId), new StoreId(request.toStoreId()), lines, request.note());
        return new Done(storeId, lines.size());
    }

    @GetMapping("/{productId}/movements")
    Movements movements(
            Caller caller,
            @PathVariable String storeId,
            @PathVariable String productId,
            @RequestParam(defaultValue = "100") int limit) {
        return new Movements(
                storeId,
                productId,
                stock.movements(caller, new StoreId(storeId), new ProductId(productId), limit).stream()
                        .map(e -> new MovementJson(
                                e.id(),
                                e.kind(),
                                e.onHandDelta(),
                                e.reservedDelta(),
                                e.reason(),
                                e.reference(),
                                e.at()))
                        .toList());
    }

    private static <T> List<T> lines(List<T> lines) {
        return lines == null ? List.of() : lines;
    }
}
