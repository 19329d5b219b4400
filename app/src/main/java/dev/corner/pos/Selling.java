package dev.corner.pos;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Digests;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.StockLine;
import dev.corner.payments.CardTerminal;
import dev.corner.pos.internal.SaleRecords;
import dev.corner.pos.model.Pricing;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import dev.corner.stores.Workplace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Records till sales exactly once per register-made sale id, charges their card tenders on the
 * terminal, and moves stock with them. A sale made while the register was offline is never
 * refused for what happened since (stock, prices, a declined card): it is recorded and flagged.
 */
@Service
public class Selling {

    private final Stores stores;
    private final Catalog catalog;
    private final Inventory inventory;
    private final CardTerminal terminal;
    private final SaleRecords sales;
    private final Shifts shifts;
    private final long offlineCardLimit;

    Selling(
            Stores stores,
            Catalog catalog,
            Inventory inventory,
            CardTerminal terminal,
            SaleRecords sales,
            Shifts shifts,
            @Value("${corner.pos.offline-card-limit}") long offlineCardLimit) {
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.terminal = terminal;
        this.sales = sales;
        this.shifts = shifts;
        this.offlineCardLimit = offlineCardLimit;
    }

    /** A line as the till asked: {@code unitPrice} is the price the till showed, for a sale made offline. */
    public record LineRequest(ProductId productId, long quantity, int discountPercent, Money unitPrice) {}

    /** What the till asked to sell. {@code madeOfflineAt} is set when it was rung up offline. */
    public record SaleRequest(
            String saleId,
            List<LineRequest> lines,
            Money basketDiscount,
            List<Tender> tenders,
            String registerId,
            Instant madeOfflineAt,
            String soldBy) {}

    /** A card payment above this many minor units is not taken offline (the register enforces it). */
    public long offlineCardLimit() {
        return offlineCardLimit;
    }

    /**
     * Records a sale. The same sale id with the same content answers the sale recorded first; with
     * other content it is refused, because a register never reuses an id for another sale. A card
     * declined online refuses the whole sale ({@code 402 CARD_DECLINED}) after giving back any
     * other card of it that was approved, so the till can ask for another tender.
     */
    @Transactional
    public Sale record(Caller caller, StoreId storeId, SaleRequest request) {
        var workplace = stores.requireWorkplace(storeId, caller);
        var saleId = Ids.requireValid(request.saleId(), "saleId");
        if (request.lines() == null
                || request.lines().isEmpty()
                || request.lines().size() > 500) {
            throw CornerException.invalid("INVALID_LINES", "a sale has 1 to 500 lines");
        }
        var fingerprint = SaleRecords.fingerprint(request);
        var hasCard = request.tenders() != null && request.tenders().stream().anyMatch(Tender::card);
        if (hasCard) {
            // A card is charged outside this transaction: two copies of one sale must not both charge
            // it, so an earlier sale is looked for under a lock before anything is charged.
            sales.lockSaleId(storeId, saleId);
            var earlier = sales.find(storeId, saleId);
            if (earlier.isPresent()) {
                return sameOrRefuse(earlier.get(), fingerprint);
            }
        }
        Ready ready;
        try {
            ready = ringUp(workplace, storeId, saleId, request);
        } catch (CornerException refused) {
            if (!hasCard) {
                // A cash sale is not looked for before it is priced, so a re-sent one that would be
                // refused now (a price, a shift, a right changed since) is answered as recorded.
                var earlier = sales.find(storeId, saleId);
                if (earlier.isPresent()) {
                    // Nothing was written; a refusal from another module may have marked the
                    // transaction for rollback, which must then not fail the commit.
                    var status = TransactionAspectSupport.currentTransactionStatus();
                    if (status.isNewTransaction()) {
                        status.setRollbackOnly();
                    }
                    return sameOrRefuse(earlier.get(), fingerprint);
                }
            }
            throw refused;
        }
        var sale = ready.sale();
        // The insert does nothing for a sale id recorded already: a cash sale needs no look-up first.
        if (!sales.insert(sale, ready.seller().worker(), fingerprint, ready.shiftId())) {
            // Recorded earlier, or by another request that won the race; answer what was recorded.
            return sameOrRefuse(sales.find(storeId, saleId).orElseThrow(), fingerprint);
        }
        inventory.recordSale(
                storeId,
                sale.lines().stream()
                        .map(l -> new StockLine(l.productId(), l.quantity()))
                        .toList(),
                "sale:" + saleId);
        return sale;
    }

    /** A sale priced, checked and with its cards charged, ready to be recorded. */
    private record Ready(Sale sale, Workplace seller, String shiftId) {}

    private Ready ringUp(Workplace workplace, StoreId storeId, String saleId, SaleRequest request) {
        var store = workplace.store();
        var offline = request.madeOfflineAt() != null;
        var flags = EnumSet.noneOf(SaleFlag.class);
        var lines = price(storeId, store.currency(), request, offline, flags);
        var seller = offline ? sellerOf(workplace, request.soldBy(), flags) : workplace;
        if (request.basketDiscount() != null && request.basketDiscount().amount() > 0
                || request.lines().stream().anyMatch(l -> l.discountPercent() > 0)) {
            requireDiscountRight(seller, offline, flags);
        }
        var sale = Sale.ringUp(
                saleId,
                storeId,
                request.registerId(),
                store.currency(),
                lines,
                request.tenders(),
                request.madeOfflineAt());
        String shiftId = null;
        if (request.registerId() != null) {
            // A sale rung up on a register belongs to the shift open on it, for the drawer's count.
            var open = shifts.findOpenShift(storeId, request.registerId());
            if (open.isPresent()) {
                shiftId = open.get();
            } else if (offline) {
                flags.add(SaleFlag.NO_OPEN_SHIFT);
            } else {
                throw CornerException.conflict(
                        "NO_OPEN_SHIFT", "register " + request.registerId() + " has no open shift");
            }
        }
        if (offline) {
            flags.addAll(stockBelowZero(storeId, lines));
        }
        return new Ready(chargeCards(sale, flags).withFlags(flags), seller, shiftId);
    }

    private List<SaleLine> price(
            StoreId storeId, String currency, SaleRequest request, boolean offline, EnumSet<SaleFlag> flags) {
        var offers = catalog.pricesAt(
                storeId, request.lines().stream().map(LineRequest::productId).toList());
        var asked = new ArrayList<Pricing.Line>();
        for (var line : request.lines()) {
            new StockLine(line.productId(), line.quantity());
            var offer = offers.get(line.productId());
            Money unitPrice;
            if (offline && line.unitPrice() != null) {
                unitPrice = line.unitPrice();
                if (!unitPrice.equals(offer)) {
                    flags.add(SaleFlag.PRICE_DIFFERS);
                }
            } else if (offer != null) {
                unitPrice = offer;
            } else {
                throw CornerException.invalid("NOT_OFFERED", "this store has no price for product " + line.productId());
            }
            if (unitPrice.belowZero() || !unitPrice.currency().equals(currency)) {
                throw CornerException.invalid("INVALID_PRICE", "a unit price is 0 or more in " + currency);
            }
            asked.add(new Pricing.Line(unitPrice, line.quantity(), line.discountPercent()));
        }
        var priced = Pricing.price(asked, request.basketDiscount(), currency);
        var lines = new ArrayList<SaleLine>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            var line = request.lines().get(i);
            lines.add(new SaleLine(
                    i + 1,
                    line.productId(),
                    line.quantity(),
                    asked.get(i).unitPrice(),
                    line.discountPercent(),
                    priced.get(i).discount(),
                    priced.get(i).total()));
        }
        return lines;
    }

    /**
     * Who made a sale rung up offline: the staff member the register names in {@code soldBy}, with
     * their rights, when they work at the store; otherwise whoever sends it, and the sale is flagged.
     */
    private Workplace sellerOf(Workplace sender, String soldBy, EnumSet<SaleFlag> flags) {
        if (soldBy == null || soldBy.equals(sender.worker().value())) {
            return sender;
        }
        var named = Ids.valid(soldBy)
                ? stores.workplaceOf(sender.store().id(), new AccountId(soldBy))
                : Optional.<Workplace>empty();
        if (named.isEmpty()) {
            flags.add(SaleFlag.SELLER_UNKNOWN);
            return sender;
        }
        return named.get();
    }

    private static void requireDiscountRight(Workplace workplace, boolean offline, EnumSet<SaleFlag> flags) {
        if (workplace.canDiscount()) {
            return;
        }
        if (offline) {
            flags.add(SaleFlag.DISCOUNT_NOT_ALLOWED);
        } else {
            workplace.requireDiscountRight();
        }
    }

    private List<SaleFlag> stockBelowZero(StoreId storeId, List<SaleLine> lines) {
        Map<ProductId, Long> sold = new HashMap<>();
        lines.forEach(l -> sold.merge(l.productId(), l.quantity(), Long::sum));
        for (var entry : sold.entrySet()) {
            if (inventory.level(storeId, entry.getKey()).onHand() - entry.getValue() < 0) {
                return List.of(SaleFlag.STOCK_BELOW_ZERO);
            }
        }
        return List.of();
    }

    /**
     * Charges each card tender once. Online, a decline refuses the sale and gives back what other
     * cards of it took; offline, the sale stands and is flagged.
     */
    private Sale chargeCards(Sale sale, EnumSet<SaleFlag> flags) {
        if (sale.tenders().stream().noneMatch(Tender::card)) {
            return sale;
        }
        var charged = new ArrayList<Tender>();
        for (int i = 0; i < sale.tenders().size(); i++) {
            var tender = sale.tenders().get(i);
            if (!tender.card()) {
                charged.add(tender);
                continue;
            }
            if (sale.offline() && tender.amount().amount() > offlineCardLimit) {
                flags.add(SaleFlag.OFFLINE_CARD_OVER_LIMIT);
            }
            var result = tender.charged(terminal.chargeOnce(
                    tender.terminalId(), tender.amount(), cardReference(sale.storeId(), sale.saleId(), i + 1)));
            if (result.status() == Tender.Status.DECLINED) {
                if (!sale.offline()) {
                    giveBack(sale, charged);
                    throw new CardDeclined(result.declineCode());
                }
                flags.add(SaleFlag.CARD_DECLINED_AFTER_SYNC);
            }
            charged.add(result);
        }
        return sale.withTenders(charged);
    }

    private void giveBack(Sale sale, List<Tender> charged) {
        for (int i = 0; i < charged.size(); i++) {
            var tender = charged.get(i);
            if (tender.status() == Tender.Status.APPROVED) {
                terminal.cancel(cardReference(sale.storeId(), sale.saleId(), i + 1));
            }
        }
    }

    /**
     * The terminal reference of a sale's card tender: a digest spelled in letters, because a
     * register's sale id may be digits only and a payment reference never holds a long digit run.
     */
    static String cardReference(StoreId storeId, String saleId, int tenderNo) {
        return "pos-"
                + letters(Digests.sha256Hex(storeId.value() + "/" + saleId + "/" + tenderNo))
                        .substring(0, 32);
    }

    static String letters(String hex) {
        var out = new StringBuilder(hex.length());
        for (var c : hex.toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }

    /** A card declined while the customer stands at the till: nothing was recorded. */
    public static final class CardDeclined extends CornerException {
        private final String declineCode;

        CardDeclined(String declineCode) {
            super(Kind.PAYMENT_REQUIRED, "CARD_DECLINED", "the card was declined (" + declineCode + ")");
            this.declineCode = declineCode;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("declineCode", declineCode);
        }
    }

    private static Sale sameOrRefuse(SaleRecords.Recorded earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw CornerException.conflict(
                    "SALE_ID_REUSED", "sale " + earlier.sale().saleId() + " was recorded with other lines or tenders");
        }
        return earlier.sale();
    }
}
