package dev.corner.inventory;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.inventory.StockFiles.BadRow;
import dev.corner.inventory.StockFiles.ImportRefused;
import dev.corner.inventory.StockFiles.ImportReport;
import dev.corner.inventory.internal.ImportRecords;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import jakarta.annotation.PreDestroy;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports that run in the background, one at a time per node, so that a large file neither
 * holds a request open nor leaves the merchant guessing: the import's status says how many rows
 * were checked and applied. Every row is checked before anything is written, and everything is
 * written in one transaction, so a file with a bad row, or one that fails half-way, changes nothing.
 */
@Service
public class StockImports {

    private static final Logger log = LoggerFactory.getLogger(StockImports.class);

    /** How often progress is written while rows are checked or applied. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    /** An import under way whose progress has not moved for this long was cut off (its node stopped). */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    /** Where an import stands. */
    public enum Status {
        QUEUED,
        CHECKING,
        APPLYING,
        DONE,
        REFUSED,
        FAILED;

        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }

    /**
     * An import as its merchant sees it: {@code report} once DONE, {@code badRows} once REFUSED,
     * {@code problemCode} and {@code problemDetail} once FAILED.
     */
    public record ImportView(
            String importId,
            StoreId storeId,
            Status status,
            int rowsTotal,
            int rowsChecked,
            int rowsApplied,
            ImportReport report,
            List<BadRow> badRows,
            String problemCode,
            String problemDetail,
            Instant createdAt,
            Instant finishedAt) {

        /** The same import, with what a stall means: it failed, and changed nothing. */
        ImportView stalled() {
            return new ImportView(
                    importId,
                    storeId,
                    Status.FAILED,
                    rowsTotal,
                    rowsChecked,
                    0,
                    null,
                    List.of(),
                    "IMPORT_INTERRUPTED",
                    "the import stopped before it finished (the server restarted); nothing was imported",
                    createdAt,
                    null);
        }
    }

    private final StockFiles files;
    private final ImportRecords records;
    private final Stores stores;
    private final Clock clock;
    private final TransactionTemplate applying;
    private final TransactionTemplate checking;
    private final TransactionTemplate separately;
    private final ThreadPoolExecutor worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), runnable -> {
                var thread = new Thread(runnable, "stock-import");
                thread.setDaemon(true);
                return thread;
            });

    StockImports(
            StockFiles files,
            ImportRecords records,
            Stores stores,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.files = files;
        this.records = records;
        this.stores = stores;
        this.clock = clock;
        this.applying = new TransactionTemplate(transactions);
        this.checking = new TransactionTemplate(transactions);
        this.checking.setReadOnly(true);
        // Status and progress commit at once, outside the import's own transaction: others must see
        // them while it is open, and a failed import must still be marked failed.
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reads the file and queues its import; answers at once. A missing store, a wrong header, too
     * many rows or text that is not CSV are refused here, before any import exists.
     */
    public ImportView start(Caller caller, StoreId storeId, String csv) {
        var parsed = files.parse(caller, storeId, new StringReader(csv == null ? "" : csv));
        var id = Ids.next("imp");
        records.insert(id, storeId, caller.accountId(), parsed.records().size(), clock.instant());
        try {
            worker.execute(() -> run(id, caller, storeId, parsed));
        } catch (RejectedExecutionException busy) {
            records.fail(id, "IMPORTS_BUSY", "too many imports are waiting; try again later", clock.instant());
            throw CornerException.conflict("IMPORTS_BUSY", "too many imports are waiting; try again later");
        }
        return records.find(storeId, id).orElseThrow();
    }

    /** One import of the caller's store; another store's import answers 404. */
    public ImportView view(Caller caller, StoreId storeId, String importId) {
        stores.requireOwnedBy(storeId, caller);
        return records.find(storeId, importId)
                .map(this::withStall)
                .orElseThrow(() -> CornerException.notFound("IMPORT_NOT_FOUND", "no import " + importId));
    }

    /** The store's latest imports, newest first (without their bad-row reports). */
    public List<ImportView> recent(Caller caller, StoreId storeId, int limit) {
        stores.requireOwnedBy(storeId, caller);
        return records.recent(storeId, Math.max(1, Math.min(limit, 100))).stream()
                .map(this::withStall)
                .toList();
    }

    private ImportView withStall(ImportView view) {
        boolean underWay = view.status() == Status.CHECKING || view.status() == Status.APPLYING;
        return underWay
                        && records.updatedAt(view.importId())
                                .isBefore(clock.instant().minus(STALLED_AFTER))
                ? view.stalled()
                : view;
    }

    private void run(String id, Caller caller, StoreId storeId, StockFiles.Parsed parsed) {
        try {
            separately(() -> records.status(id, Status.CHECKING, clock.instant()));
            var checked = new Progress(id, true);
            var rows = checking.execute(status -> files.check(parsed, checked::rows));
            checked.flush();
            separately(() -> records.status(id, Status.APPLYING, clock.instant()));
            var applied = new Progress(id, false);
            var report = applying.execute(status -> files.apply(caller, storeId, rows, applied::rows));
            separately(() -> records.done(id, report, clock.instant()));
        } catch (ImportRefused refused) {
            separately(() -> records.refuse(id, refused.rows(), clock.instant()));
        } catch (CornerException e) {
            separately(() -> records.fail(id, e.code(), e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            separately(() -> records.fail(
                    id, "INTERNAL_ERROR", "something went wrong on our side; nothing was imported", clock.instant()));
        }
    }

    private void separately(Runnable write) {
        separately.executeWithoutResult(status -> write.run());
    }

    /**
     * Writes how far an import got, at most every {@link #PROGRESS_EVERY}. Each write is its own
     * short transaction, outside the import's, so others see it at once.
     */
    private final class Progress {
        private final String id;
        private final boolean checking;
        private int rows;
        private long lastWrite;

        Progress(String id, boolean checking) {
            this.id = id;
            this.checking = checking;
        }

        void rows(int done) {
            rows = done;
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_EVERY.toNanos()) {
                flush();
                lastWrite = now;
            }
        }

        void flush() {
            separately(() -> records.progress(id, checking, rows, clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
