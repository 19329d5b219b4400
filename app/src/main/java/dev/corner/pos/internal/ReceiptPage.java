package dev.corner.pos.internal;

import dev.corner.common.Caller;
import dev.corner.pos.SalesHistory;
import dev.corner.stores.StoreId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A sale's receipt as a page made to be printed on a receipt printer or on paper. */
@Controller
class ReceiptPage {

    private final SalesHistory history;

    ReceiptPage(SalesHistory history) {
        this.history = history;
    }

    @GetMapping("/pos/stores/{storeId}/receipts/{saleId}")
    String receipt(Caller caller, @PathVariable String storeId, @PathVariable String saleId, Model model) {
        var receipt = history.receipt(caller, new StoreId(storeId), saleId);
        model.addAttribute("r", receipt);
        model.addAttribute("sale", receipt.sale());
        model.addAttribute("when", ReceiptText.when(receipt));
        return "receipt";
    }
}
