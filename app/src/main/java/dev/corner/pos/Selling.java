package dev.corner.pos;

import dev.corner.catalog.Catalog;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.StockLine;
import dev.corner.pos.internal.SaleRecords;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records till sales exactly once per register-made sale id, and moves stock with them. */
@Service
public class Selling {

    private final Stores stores;
    private final Catalog catalog;
    private final Inventory inventory;
    private final SaleRecords sales;
    private final Shifts shifts;

    Selling(Stores stores, Catalog catalog, Inventory inventory, SaleRecords sales, Shifts shifts) {
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.sales = sales;
        this.shifts = shifts;
    }

    /** What the till asked to sell. */
    public record SaleRequest(String saleId, List<StockLine> lines, List<Tender> tenders, String registerId) {}

    /**
     * Records a sale. The same sale id with the same content answers the sale recorded first; with
     * other content it is refused, because a register never reuses an id for another sale.
     */
    @Transactional
    public Sale record(Caller caller, StoreId storeId, SaleRequest request) {
        var store = stores.requireOwnedBy(storeId, caller);
        var saleId = Ids.requireValid(request.saleId(), "saleId");
        if (request.lines() == null || request.lines().isEmpty()) {
            throw CornerException.invalid("INVALID_LINES", "a sale has 1 to 500 lines");
        }
        var fingerprint = SaleRecords.fingerprint(request);
        var earlier = sales.find(storeId, saleId);
        if (earlier.isPresent()) {
            return sameOrRefuse(earlier.get(), fingerprint);
        }
        var prices = catalog.pricesAt(
                storeId, request.lines().stream().map(StockLine::productId).toList());
        var lines = request.lines().stream()
                .map(line -> {
                    var price = prices.get(line.productId());
                    if (price == null) {
                        throw CornerException.invalid(
                                "NOT_OFFERED", "this store has no price for product " + line.productId());
                    }
                    return new SaleLine(line.productId(), line.quantity(), price, price.times(line.quantity()));
                })
                .toList();
        var sale = Sale.ringUp(saleId, storeId, store.currency(), lines, request.tenders());
        // A sale rung up on a register belongs to the shift open on it, for the drawer's count.
        var shiftId = request.registerId() == null ? null : shifts.openShiftOf(storeId, request.registerId());
        if (!sales.insert(sale, caller, fingerprint, shiftId)) {
            // Another request with the same sale id won the race; answer what it recorded.
            return sameOrRefuse(sales.find(storeId, saleId).orElseThrow(), fingerprint);
        }
        inventory.recordSale(
                storeId,
                lines.stream()
                        .map(l -> new StockLine(l.productId(), l.quantity()))
                        .toList(),
                "sale:" + saleId);
        return sale;
    }

    private static Sale sameOrRefuse(SaleRecords.Recorded earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw CornerException.conflict(
                    "SALE_ID_REUSED", "sale " + earlier.sale().saleId() + " was recorded with other lines or tenders");
        }
        return earlier.sale();
    }
}
