package dev.corner.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.AccountId;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class KnownStoresTest {

    /** The stores table, counting how often a row is read. */
    static final class Rows extends StoreRecords {
        final Map<StoreId, Store> rows = new HashMap<>();
        int reads;

        Rows() {
            super(null);
        }

        @Override
        public Optional<Store> find(StoreId id) {
            reads++;
            return Optional.ofNullable(rows.get(id));
        }
    }

    private final Rows rows = new Rows();
    private final KnownStores known = new KnownStores(rows);
    private final Store corner =
            new Store(new StoreId("st_corner"), new AccountId("acc_owner"), "Corner", "1 Main St", 52.5, 13.4, "EUR");

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aStoreIsReadOnceAndThenAnsweredFromMemory() {
        rows.rows.put(corner.id(), corner);

        assertThat(known.find(corner.id())).contains(corner);
        assertThat(known.find(corner.id())).contains(corner);

        assertThat(rows.reads).isEqualTo(1);
    }

    @Test
    void aMissingStoreIsNotRememberedAsMissing() {
        assertThat(known.find(corner.id())).isEmpty();

        rows.rows.put(corner.id(), corner); // opened meanwhile, e.g. on another node

        assertThat(known.find(corner.id())).contains(corner);
    }

    @Test
    void aStoreReadInATransactionIsRememberedOnlyOnceItCommits() {
        rows.rows.put(corner.id(), corner);
        TransactionSynchronizationManager.initSynchronization();
        assertThat(known.find(corner.id())).contains(corner);
        var rolledBack = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        rolledBack.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        rows.rows.remove(corner.id()); // it was this transaction's own insert

        assertThat(known.find(corner.id())).isEmpty();

        rows.rows.put(corner.id(), corner);
        TransactionSynchronizationManager.initSynchronization();
        known.find(corner.id());
        var committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        committed.forEach(TransactionSynchronization::afterCommit);
        int reads = rows.reads;

        assertThat(known.find(corner.id())).contains(corner);
        assertThat(rows.reads).isEqualTo(reads);
    }
}
