package dev.corner.pos;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.EmailAddress;
import dev.corner.common.Money;
import dev.corner.pos.internal.ReceiptText;
import dev.corner.pos.internal.ReturnRecords;
import dev.corner.pos.internal.SaleRecords;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A store's recorded sales as its staff look them up: one receipt, a search, and what a register caches. */
@Service
public class SalesHistory {

    private final Stores stores;
    private final Catalog catalog;
    private final SaleRecords sales;
    private final ReturnRecords returns;
    private final Selling selling;
    private final ApplicationEventPublisher events;

    SalesHistory(
            Stores stores,
            Catalog catalog,
            SaleRecords sales,
            ReturnRecords returns,
            Selling selling,
            ApplicationEventPublisher events) {
        this.stores = stores;
        this.catalog = catalog;
        this.sales = sales;
        this.returns = returns;
        this.selling = selling;
        this.events = events;
    }

    /** A sale with everything its receipt shows: product names, who served, and the returns against it. */
    public record Receipt(
            Store store,
            Sale sale,
            Map<ProductId, String> productNames,
            Instant recordedAt,
            String servedBy,
            String shiftId,
            List<SaleReturn> returns) {}

    /** A sale in a list: enough to find it again. */
    public record Summary(
            String saleId,
            Instant recordedAt,
            Money total,
            String registerId,
            boolean offline,
            Set<SaleFlag> flags,
            String recordedBy) {}

    /** What to look for in a store's sales; null members do not filter. */
    public record Search(
            Instant from,
            Instant to,
            String registerId,
            ProductId productId,
            boolean flaggedOnly,
            String saleIdPrefix,
            int limit) {}

    /** What a register keeps to sell on when the network is gone. */
    public record Setup(Store store, Worker worker, Money offlineCardLimit, List<Catalog.Offered> products) {}

    /** Who is signed in at the register, and what they may do there. */
    public record Worker(String accountId, String name, boolean canDiscount, boolean canRefund) {}

    @Transactional(readOnly = true)
    public Receipt receipt(Caller caller, StoreId storeId, String saleId) {
        var store = stores.requireWorkplace(storeId, caller).store();
        var recorded = sales.find(storeId, saleId)
                .orElseThrow(() -> CornerException.notFound("SALE_NOT_FOUND", "no sale " + saleId + " in this store"));
        var sale = recorded.sale();
        var names = new HashMap<ProductId, String>();
        catalog.products(sale.lines().stream().map(SaleLine::productId).toList())
                .forEach((id, product) -> names.put(id, product.name()));
        var servedBy = stores.workerName(new dev.corner.common.AccountId(recorded.recordedBy()))
                .orElse("");
        return new Receipt(
                store,
                sale,
                names,
                recorded.recordedAt(),
                servedBy,
                recorded.shiftId(),
                returns.ofSale(storeId, saleId));
    }

    /** Sends the customer the receipt; the mail leaves through the notifications outbox. */
    @Transactional
    public void emailReceipt(Caller caller, StoreId storeId, String saleId, String email) {
        var to = EmailAddress.normalize(email);
        var receipt = receipt(caller, storeId, saleId);
        events.publishEvent(new ReceiptEmailRequested(
                storeId.value(), saleId, to, ReceiptText.subject(receipt), ReceiptText.render(receipt)));
    }

    @Transactional(readOnly = true)
    public List<Summary> search(Caller caller, StoreId storeId, Search search) {
        stores.requireWorkplace(storeId, caller);
        if (search.limit() < 1 || search.limit() > 500) {
            throw CornerException.invalid("INVALID_LIMIT", "limit is 1 to 500");
        }
        if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
            throw CornerException.invalid("INVALID_PERIOD", "from must be before to");
        }
        return sales.search(storeId, search);
    }

    @Transactional(readOnly = true)
    public Setup setup(Caller caller, StoreId storeId) {
        var workplace = stores.requireWorkplace(storeId, caller);
        var store = workplace.store();
        var name = stores.workerName(caller.accountId()).orElse("");
        return new Setup(
                store,
                new Worker(caller.accountId().value(), name, workplace.canDiscount(), workplace.canRefund()),
                new Money(selling.offlineCardLimit(), store.currency()),
                catalog.offeredAt(storeId));
    }
}
