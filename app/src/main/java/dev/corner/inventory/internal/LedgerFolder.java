package dev.corner.inventory.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Folds appended shelf movements into their stock levels, a few times a second. */
@Component
public class LedgerFolder {

    private static final int BATCH = 10_000;

    private final StockLedger ledger;

    LedgerFolder(StockLedger ledger) {
        this.ledger = ledger;
    }

    /** Folds until nothing is left; answers how many movements were folded. */
    public int foldAll() {
        int total = 0;
        int folded;
        do {
            folded = ledger.fold(BATCH);
            total += folded;
        } while (folded == BATCH);
        return total;
    }

    @Scheduled(fixedDelayString = "${corner.inventory.fold-every:PT0.2S}")
    void onSchedule() {
        foldAll();
    }
}
