package dev.corner.pos.internal;

import dev.corner.pos.SaleReturn;
import dev.corner.pos.SalesHistory.Receipt;
import dev.corner.pos.Tender;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A receipt as plain text, for e-mail: the same facts as the printed page. */
public final class ReceiptText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private ReceiptText() {}

    public static String subject(Receipt receipt) {
        return "Your receipt from " + receipt.store().name();
    }

    /** When the sale was recorded, in UTC. */
    public static String when(Receipt receipt) {
        return WHEN.format(receipt.recordedAt().atOffset(ZoneOffset.UTC));
    }

    public static String render(Receipt receipt) {
        var sale = receipt.sale();
        var out = new StringBuilder();
        out.append(receipt.store().name()).append('\n');
        out.append(receipt.store().address()).append("\n\n");
        out.append("Receipt ").append(sale.saleId()).append('\n');
        out.append(when(receipt));
        if (!receipt.servedBy().isEmpty()) {
            out.append(" · served by ").append(receipt.servedBy());
        }
        out.append("\n\n");
        for (var line : sale.lines()) {
            out.append(line.quantity())
                    .append(" × ")
                    .append(receipt.productNames()
                            .getOrDefault(line.productId(), line.productId().value()))
                    .append(" @ ")
                    .append(line.unitPrice().display());
            if (line.discount().amount() > 0) {
                out.append("  (−").append(line.discount().display()).append(')');
            }
            out.append("  ").append(line.total().display()).append('\n');
        }
        out.append('\n');
        out.append("Subtotal  ").append(sale.subtotal().display()).append('\n');
        if (sale.discount().amount() > 0) {
            out.append("Discount  −").append(sale.discount().display()).append('\n');
        }
        out.append("Total     ").append(sale.total().display()).append('\n');
        for (var tender : sale.tenders()) {
            out.append(tender.type() == Tender.Type.CASH ? "Cash      " : "Card      ")
                    .append(tender.amount().display());
            if (tender.authCode() != null) {
                out.append("  auth ").append(tender.authCode());
            }
            if (tender.status() == Tender.Status.DECLINED) {
                out.append("  DECLINED");
            }
            out.append('\n');
        }
        if (sale.change().amount() > 0) {
            out.append("Change    ").append(sale.change().display()).append('\n');
        }
        for (SaleReturn back : receipt.returns()) {
            out.append("\nReturn ")
                    .append(back.returnId())
                    .append(": refunded ")
                    .append(back.refund().display());
            back.refunds()
                    .forEach(r -> out.append(", ")
                            .append(r.type().name().toLowerCase())
                            .append(' ')
                            .append(r.amount().display()));
            out.append('\n');
        }
        out.append("\nThank you for shopping at the corner.\n");
        return out.toString();
    }
}
