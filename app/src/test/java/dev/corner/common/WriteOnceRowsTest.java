package dev.corner.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class WriteOnceRowsTest {

    /** A table, counting how often a row is read. */
    private final Map<String, String> rows = new HashMap<>();

    private int reads;
    private final WriteOnceRows<String, String> known = new WriteOnceRows<>(2, key -> {
        reads++;
        return Optional.ofNullable(rows.get(key));
    });

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aRowIsReadOnceAndThenAnsweredFromMemory() {
        rows.put("st_corner", "Corner");

        assertThat(known.find("st_corner")).contains("Corner");
        assertThat(known.find("st_corner")).contains("Corner");

        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aMissingRowIsNotRememberedAsMissing() {
        assertThat(known.find("st_corner")).isEmpty();

        rows.put("st_corner", "Corner"); // written meanwhile, e.g. on another node

        assertThat(known.find("st_corner")).contains("Corner");
    }

    @Test
    void aRowReadInATransactionIsRememberedOnlyOnceItCommits() {
        rows.put("st_corner", "Corner");
        TransactionSynchronizationManager.initSynchronization();
        assertThat(known.find("st_corner")).contains("Corner");
        var rolledBack = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        rolledBack.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        rows.remove("st_corner"); // it was this transaction's own insert

        assertThat(known.find("st_corner")).isEmpty();

        rows.put("st_corner", "Corner");
        TransactionSynchronizationManager.initSynchronization();
        known.find("st_corner");
        var committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        committed.forEach(TransactionSynchronization::afterCommit);
        int before = reads;

        assertThat(known.find("st_corner")).contains("Corner");
        assertThat(reads).isEqualTo(before);
    }

    @Test
    void aFullMemoryStartsOver() {
        rows.put("a", "A");
        rows.put("b", "B");
        rows.put("c", "C");
        known.find("a");
        known.find("b");
        known.find("c"); // two rows are remembered at most: this one starts over

        int before = reads;
        assertThat(known.find("c")).contains("C");
        assertThat(known.find("a")).contains("A");

        assertThat(reads).isEqualTo(before + 1);
    }
}
