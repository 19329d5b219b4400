package dev.corner.common;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies of rows this node has read, for a table whose rows are written once and never changed or
 * deleted: a copy of a committed row is never stale, on this node or any other, so a request need
 * not read it again. A missing row is not remembered (another node may write it), and a row read
 * in a transaction is remembered only once that transaction commits (it may be the transaction's
 * own insert, which may yet roll back). If the rows ever become editable or deletable, this must
 * not be used for them.
 */
public final class WriteOnceRows<K, V> {

    private final ConcurrentHashMap<K, V> byKey = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Function<K, Optional<V>> read;

    /** {@code read} reads one row from the database. */
    public WriteOnceRows(int maxEntries, Function<K, Optional<V>> read) {
        this.maxEntries = maxEntries;
        this.read = read;
    }

    /** The rows of several keys: those not known yet read with {@code readAll}, in one go; missing ones absent. */
    public java.util.Map<K, V> findAll(
            java.util.Collection<K> keys, Function<java.util.Collection<K>, java.util.Map<K, V>> readAll) {
        var found = new java.util.HashMap<K, V>();
        var unknown = new java.util.ArrayList<K>();
        for (var key : keys) {
            var known = byKey.get(key);
            if (known != null) {
                found.put(key, known);
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            readAll.apply(unknown).forEach((key, row) -> {
                found.put(key, row);
                rememberOnceCommitted(key, row);
            });
        }
        return found;
    }

    public Optional<V> find(K key) {
        var known = byKey.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        var found = read.apply(key);
        found.ifPresent(row -> rememberOnceCommitted(key, row));
        return found;
    }

    private void rememberOnceCommitted(K key, V row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(key, row);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(key, row);
            }
        });
    }

    private void remember(K key, V row) {
        if (byKey.size() >= maxEntries) {
            // More rows than a node serves at once: start over rather than track ages.
            byKey.clear();
        }
        byKey.put(key, row);
    }
}
