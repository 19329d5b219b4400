package dev.corner.stores.internal;

import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores this node has read, so that every request at a store does not read its row again. A
 * store's row is written once, when it opens, and never changed or deleted, so a copy of a committed
 * row is never stale on this node or any other. A missing store is not remembered: another node may
 * open it. Staff and their rights are not kept here: taking someone off the staff must take effect
 * at once on every node. If stores ever become editable or closable, this has to forget them.
 */
@Component
public class KnownStores {

    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<StoreId, Store> byId = new ConcurrentHashMap<>();
    private final StoreRecords records;

    KnownStores(StoreRecords records) {
        this.records = records;
    }

    public Optional<Store> find(StoreId id) {
        var known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        var found = records.find(id);
        found.ifPresent(this::rememberOnceCommitted);
        return found;
    }

    /** A row read in a transaction may be that transaction's own insert, which may yet roll back. */
    private void rememberOnceCommitted(Store store) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(store);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(store);
            }
        });
    }

    private void remember(Store store) {
        if (byId.size() >= MAX_ENTRIES) {
            // More stores than a node serves at once: start over rather than track ages.
            byId.clear();
        }
        byId.put(store.id(), store);
    }
}
