package dev.corner.pos;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Digests;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Text;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.StockLine;
import dev.corner.payments.CardTerminal;
import dev.corner.pos.internal.ReturnRecords;
import dev.corner.pos.internal.SaleRecords;
import dev.corner.pos.model.Pricing;
import dev.corner.pos.model.RefundSplit;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes goods back against a receipt: refunds what the customer paid for them to the sale's own
 * tenders, puts them back on the shelf or writes them off, and records each register-made return
 * id once, so a return sent twice refunds once.
 */
@Service
public class Returning {

    private final Stores stores;
    private final SaleRecords sales;
    private final ReturnRecords returns;
    private final Inventory inventory;
    private final CardTerminal terminal;
    private final Shifts shifts;

    Returning(
            Stores stores,
            SaleRecords sales,
            ReturnRecords returns,
            Inventory inventory,
            CardTerminal terminal,
            Shifts shifts) {
        this.stores = stores;
        this.sales = sales;
        this.returns = returns;
        this.inventory = inventory;
        this.terminal = terminal;
        this.shifts = shifts;
    }

    /** A line of the sale coming back; {@code restock} false writes the goods off. */
    public record LineRequest(int lineNo, long quantity, boolean restock) {}

    public record ReturnRequest(
            String returnId, String saleId, String registerId, List<LineRequest> lines, String reason) {}

    @Transactional
    public SaleReturn take(Caller caller, StoreId storeId, ReturnRequest request) {
        var workplace = stores.requireWorkplace(storeId, caller);
        workplace.requireRefundRight();
        var returnId = Ids.requireValid(request.returnId(), "returnId");
        var saleId = Ids.requireValid(request.saleId(), "saleId");
        var reason = Text.optional(request.reason(), "reason", 200);
        if (request.lines() == null
                || request.lines().isEmpty()
                || request.lines().size() > 500) {
            throw CornerException.invalid("INVALID_LINES", "a return has 1 to 500 lines");
        }
        var fingerprint = fingerprint(request);
        // One sale's returns and refunds go one at a time, so two of them cannot refund the same money.
        sales.lockSaleId(storeId, saleId);
        var earlier = returns.find(storeId, returnId);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw CornerException.conflict(
                        "RETURN_ID_REUSED", "return " + returnId + " was recorded with other lines");
            }
            return earlier.get().saleReturn();
        }
        var sale = sales.find(storeId, saleId)
                .orElseThrow(() -> CornerException.notFound("SALE_NOT_FOUND", "no sale " + saleId + " in this store"))
                .sale();
        var currency = sale.total().currency();
        var returnedBefore = returns.returnedPerLine(storeId, saleId);
        var seen = new HashSet<Integer>();
        var lines = new ArrayList<SaleReturn.Line>();
        long refund = 0;
        for (var asked : request.lines()) {
            if (asked == null || !seen.add(asked.lineNo())) {
                throw CornerException.invalid(
                        "INVALID_LINES", "each line of the sale is returned at most once per return");
            }
            var line = sale.lines().stream()
                    .filter(l -> l.lineNo() == asked.lineNo())
                    .findFirst()
                    .orElseThrow(() -> CornerException.invalid(
                            "INVALID_LINES", "sale " + saleId + " has no line " + asked.lineNo()));
            long amount = Pricing.refundFor(
                    line.total().amount(),
                    line.quantity(),
                    returnedBefore.getOrDefault(line.lineNo(), 0L),
                    asked.quantity());
            refund += amount;
            lines.add(
                    new SaleReturn.Line(line.lineNo(), asked.quantity(), asked.restock(), new Money(amount, currency)));
        }
        String shiftId = null;
        if (request.registerId() != null) {
            shiftId = shifts.findOpenShift(storeId, request.registerId())
                    .orElseThrow(() -> CornerException.conflict(
                            "NO_OPEN_SHIFT", "register " + request.registerId() + " has no open shift"));
        }
        var refunds = refund(sale, returnId, refund);
        var saleReturn = new SaleReturn(returnId, storeId, saleId, lines, new Money(refund, currency), refunds);
        returns.insert(saleReturn, fingerprint, reason, shiftId, caller);
        var restocked = lines.stream()
                .filter(SaleReturn.Line::restock)
                .map(l -> new StockLine(sale.lines().get(l.lineNo() - 1).productId(), l.quantity()))
                .toList();
        if (!restocked.isEmpty()) {
            inventory.recordReturn(storeId, restocked, "return:" + returnId);
        }
        return saleReturn;
    }

    /** Gives the money back: card tenders first, each up to what is left of it, then cash. */
    private List<SaleReturn.Refund> refund(Sale sale, String returnId, long amount) {
        var currency = sale.total().currency();
        var refundedBefore = returns.refundedPerCard(sale.storeId(), sale.saleId());
        var cards = new ArrayList<RefundSplit.CardLeft>();
        for (int i = 0; i < sale.tenders().size(); i++) {
            var tender = sale.tenders().get(i);
            if (tender.status() == Tender.Status.APPROVED) {
                int tenderNo = i + 1;
                cards.add(new RefundSplit.CardLeft(
                        tenderNo, tender.amount().amount() - refundedBefore.getOrDefault(tenderNo, 0L)));
            }
        }
        var refunds = new ArrayList<SaleReturn.Refund>();
        for (var part : RefundSplit.split(amount, cards)) {
            var money = new Money(part.amount(), currency);
            if (part.cash()) {
                refunds.add(new SaleReturn.Refund(SaleReturn.RefundType.CASH, 0, money));
            } else {
                var reference = Selling.cardReference(sale.storeId(), sale.saleId(), part.tenderNo());
                var refundId = "ret-"
                        + Selling.letters(Digests.sha256Hex(
                                        sale.storeId().value() + "/" + returnId + "/" + part.tenderNo()))
                                .substring(0, 32);
                var given = terminal.refund(reference, money, refundId);
                refunds.add(new SaleReturn.Refund(SaleReturn.RefundType.CARD, part.tenderNo(), given));
                if (given.amount() < part.amount()) {
                    // The card had less left than our records said: the rest goes back in cash.
                    refunds.add(new SaleReturn.Refund(
                            SaleReturn.RefundType.CASH, 0, new Money(part.amount() - given.amount(), currency)));
                }
            }
        }
        return merged(refunds);
    }

    /** One cash part at most, so the refund's parts each name a distinct tender. */
    private static List<SaleReturn.Refund> merged(List<SaleReturn.Refund> refunds) {
        var out = new ArrayList<SaleReturn.Refund>();
        Money cash = null;
        for (var refund : refunds) {
            if (refund.type() == SaleReturn.RefundType.CASH) {
                cash = cash == null ? refund.amount() : cash.plus(refund.amount());
            } else if (refund.amount().amount() > 0) {
                out.add(refund);
            }
        }
        if (cash != null && cash.amount() > 0) {
            out.add(new SaleReturn.Refund(SaleReturn.RefundType.CASH, 0, cash));
        }
        return out;
    }

    private static String fingerprint(ReturnRequest request) {
        var text = new StringBuilder(request.saleId()).append('|');
        request.lines().forEach(l -> {
            if (l != null) {
                text.append(l.lineNo())
                        .append('*')
                        .append(l.quantity())
                        .append(l.restock() ? 'R' : 'W')
                        .append(';');
            }
        });
        text.append('|').append(request.registerId());
        return Digests.sha256Hex(text.toString());
    }
}
