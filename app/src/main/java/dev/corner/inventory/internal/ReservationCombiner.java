package dev.corner.inventory.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.corner.catalog.ProductId;
import dev.corner.common.SqlTime;
import dev.corner.inventory.ReservationId;
import dev.corner.stores.StoreId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Takes reservations in batches. A reservation must update its level row under that row's lock, and
 * the lock is held until the transaction's commit has reached the disk: taken one transaction at a
 * time, a popular product could not be reserved faster than one commit after another, however many
 * clients ask. Here every request waiting while a batch commits joins the next batch, and the batch
 * takes all its units with one conditional update per level row, in one transaction, on a
 * connection of its own.
 *
 * <p>The database still decides: each level row is locked and its availability re-checked by the
 * update itself, so several nodes, each batching its own requests, never oversell. A batch commits
 * its reservations with a short hold ({@code corner.inventory.reservation-hold}); the caller's own
 * transaction extends the hold to the reservation's full time. If the caller's transaction never
 * commits, nothing refers to the reservation and it expires after the hold, giving its stock back.
 */
@Component
public class ReservationCombiner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReservationCombiner.class);
    private static final int MAX_BATCH = 500;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One reservation asked for. */
    public record Request(
            ReservationId id,
            StoreId store,
            ProductId product,
            long quantity,
            String reference,
            CompletableFuture<Boolean> granted) {

        public Request(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {
            this(id, store, product, quantity, reference, new CompletableFuture<>());
        }

        String key() {
            return store.value() + "\u0000" + product.value();
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration hold;
    private final Duration ttl;
    private final boolean combine;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean running = true;
    private Thread worker;
    private Connection connection; // only the worker uses it

    ReservationCombiner(
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            @Value("${corner.inventory.reservation-hold:PT2M}") Duration hold,
            @Value("${corner.inventory.reservation-ttl}") Duration ttl,
            @Value("${corner.inventory.combine-reservations:false}") boolean combine) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.hold = hold.compareTo(ttl) < 0 ? hold : ttl;
        this.ttl = ttl;
        this.combine = combine;
    }

    /** Whether reservations are batched; if not, {@link #reserveHere} takes each in its caller's transaction. */
    public boolean combines() {
        return combine;
    }

    /**
     * Reserves in the caller's own transaction, for their full time: the level rows stay locked until
     * that transaction ends. Used when {@code corner.inventory.combine-reservations} is off.
     */
    public Map<ReservationId, Boolean> reserveHere(List<Request> requests) {
        return take(jdbc, requests, ttl);
    }

    public boolean reserveHere(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {
        return reserveHere(List.of(new Request(id, store, product, quantity, reference)))
                .get(id);
    }

    /**
     * Reserves each request's quantity under its id, or answers false for it when not enough is
     * available. Blocks until the batches that took them have committed.
     */
    public Map<ReservationId, Boolean> reserve(List<Request> requests) {
        startIfNeeded();
        queue.addAll(requests);
        var granted = new HashMap<ReservationId, Boolean>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (var request : requests) {
            granted.put(request.id(), await(request, deadline));
        }
        return granted;
    }

    public boolean reserve(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {
        return reserve(List.of(new Request(id, store, product, quantity, reference)))
                .get(id);
    }

    private static boolean await(Request request, long deadline) {
        try {
            return request.granted().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the reservation failed", failed.getCause());
        } catch (TimeoutException e) {
            // If its batch commits later, the reservation is held briefly and then expires.
            throw new IllegalStateException("no answer to reservation " + request.id() + " within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving", e);
        }
    }

    /** Batches committed and reservations asked for since start: how well requests were combined. */
    public long[] counts() {
        return new long[] {batches.get(), requests.get()};
    }

    private synchronized void startIfNeeded() {
        if (!running) {
            throw new IllegalStateException("reservations are closed: Corner is shutting down");
        }
        if (worker == null) {
            worker = new Thread(this::work, "reservation-combiner");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void work() {
        while (running || !queue.isEmpty()) {
            Request first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // destroy() interrupts; the loop condition decides
            }
            if (first == null) {
                continue;
            }
            var batch = new ArrayList<Request>();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                var granted = takeBatch(connection(), batch);
                batch.forEach(r -> r.granted().complete(granted.get(r.id())));
            } catch (Exception | Error failed) {
                // Whatever went wrong, the waiting callers get it and this thread goes on serving.
                closeConnection();
                if (batch.size() == 1) {
                    first.granted().completeExceptionally(failed);
                } else {
                    // One bad request must not fail the others: take them one by one.
                    for (var request : batch) {
                        try {
                            request.granted()
                                    .complete(takeBatch(connection(), List.of(request))
                                            .get(request.id()));
                        } catch (Exception | Error alone) {
                            closeConnection();
                            request.granted().completeExceptionally(alone);
                        }
                    }
                }
            }
        }
        closeConnection();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = ownConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /**
     * A connection of the batches' own, outside the pool: every caller waiting for a batch holds a
     * pooled connection in its transaction, so with the pool used up by them, a batch that needed one
     * too would wait for them while they wait for it.
     */
    private Connection ownConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var pool = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    /**
     * Takes a batch in one transaction on a connection that is not in auto-commit mode; answers, per
     * reservation id, whether it was granted.
     */
    Map<ReservationId, Boolean> takeBatch(Connection connection, List<Request> batch) throws SQLException {
        try {
            var granted = take(JdbcClient.create(new SingleConnectionDataSource(connection, true)), batch, hold);
            connection.commit();
            batches.incrementAndGet();
            requests.addAndGet(batch.size());
            return granted;
        } catch (RuntimeException | SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is dropped by the caller
            }
            throw e;
        }
    }

    private Map<ReservationId, Boolean> take(JdbcClient jdbc, List<Request> batch, Duration holdFor) {
        var at = SqlTime.utc(clock.instant());
        // Level rows in one order (store, then product) in every transaction, so batches on two
        // nodes cannot deadlock.
        var byKey = new TreeMap<String, List<Request>>();
        batch.forEach(
                r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        var stores =
                byKey.values().stream().map(rs -> rs.get(0).store().value()).toArray(String[]::new);
        var products =
                byKey.values().stream().map(rs -> rs.get(0).product().value()).toArray(String[]::new);
        // One statement creates the level rows that are missing and locks those that exist: an
        // ON CONFLICT DO UPDATE locks every conflicting row even when its WHERE updates none.
        jdbc.sql("""
                        insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                        select s, p, 0, 0, :at from unnest(cast(:stores as varchar[]), cast(:products as varchar[])) as k(s, p)
                        order by s collate "C", p collate "C"
                        on conflict (store_id, product_id) do update set updated_at = excluded.updated_at where false""")
                .param("stores", stores)
                .param("products", products)
                .param("at", at)
                .update();
        // Read what is available in a statement of its own, after the locks: a fold that committed
        // before is then fully visible, and one that has not waits for this batch.
        var available = new HashMap<String, Long>();
        jdbc.sql("""
                        select l.store_id, l.product_id, l.on_hand - l.reserved
                             + (select coalesce(sum(p.on_hand_delta), 0) from inventory_pending p
                                where p.store_id = l.store_id and p.product_id = l.product_id)
                        from inventory_levels l
                        join unnest(cast(:stores as varchar[]), cast(:products as varchar[])) as k(s, p)
                          on l.store_id = k.s and l.product_id = k.p""")
                .param("stores", stores)
                .param("products", products)
                .query((rs, n) -> available.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3)))
                .list();
        // First come, first served; a request too big for what is left does not stop smaller ones.
        var granted = new HashMap<ReservationId, Boolean>();
        var taken = new ArrayList<Request>();
        var totals = new TreeMap<String, Long>();
        for (var entry : byKey.entrySet()) {
            long left = available.getOrDefault(entry.getKey(), 0L);
            for (var request : entry.getValue()) {
                boolean fits = request.quantity() <= left;
                granted.put(request.id(), fits);
                if (fits) {
                    left -= request.quantity();
                    taken.add(request);
                    totals.merge(entry.getKey(), request.quantity(), Long::sum);
                }
            }
        }
        if (taken.isEmpty()) {
            return granted;
        }
        var takenKeys = totals.keySet().stream().map(byKey::get).toList();
        // The levels, the reservations and their movements in one statement: if a level did not take
        // its units, the count says so and the whole batch rolls back.
        int changed = jdbc.sql("""
                        with wanted as (
                            select * from unnest(cast(:levelStores as varchar[]), cast(:levelProducts as varchar[]),
                                                 cast(:levelQuantities as bigint[])) as w(s, p, q)),
                        changed as (
                            update inventory_levels l set reserved = l.reserved + w.q, updated_at = :at
                            from wanted w
                            where l.store_id = w.s and l.product_id = w.p
                              and l.on_hand - l.reserved
                                  + (select coalesce(sum(p.on_hand_delta), 0) from inventory_pending p
                                     where p.store_id = w.s and p.product_id = w.p) >= w.q
                            returning l.store_id, l.product_id, l.on_hand, l.reserved),
                        held as (
                            insert into inventory_reservations
                                (id, store_id, product_id, quantity, status, reference, created_at, expires_at)
                            select i, s, p, q, 'ACTIVE', r, :at, :expires
                            from unnest(cast(:ids as varchar[]), cast(:stores as varchar[]), cast(:products as varchar[]),
                                        cast(:quantities as bigint[]), cast(:references as varchar[])) as h(i, s, p, q, r)),
                        moved as (
                            insert into inventory_movements
                                (store_id, product_id, kind, on_hand_delta, reserved_delta, reason, reference, at)
                            select s, p, 'RESERVED', 0, q, null, r, :at
                            from unnest(cast(:stores as varchar[]), cast(:products as varchar[]),
                                        cast(:quantities as bigint[]), cast(:references as varchar[])) as h(s, p, q, r))
                        select count(pg_notify(:channel, concat_ws('|', store_id, product_id, on_hand, reserved)))
                        from changed""")
                .param(
                        "levelStores",
                        takenKeys.stream().map(rs -> rs.get(0).store().value()).toArray(String[]::new))
                .param(
                        "levelProducts",
                        takenKeys.stream()
                                .map(rs -> rs.get(0).product().value())
                                .toArray(String[]::new))
                .param("levelQuantities", totals.values().toArray(Long[]::new))
                .param("ids", taken.stream().map(r -> r.id().value()).toArray(String[]::new))
                .param("stores", taken.stream().map(r -> r.store().value()).toArray(String[]::new))
                .param("products", taken.stream().map(r -> r.product().value()).toArray(String[]::new))
                .param("quantities", taken.stream().map(Request::quantity).toArray(Long[]::new))
                .param("references", taken.stream().map(Request::reference).toArray(String[]::new))
                .param("at", at)
                .param("expires", SqlTime.utc(clock.instant().plus(holdFor)))
                .param("channel", StockFeed.CHANNEL)
                .query(Integer.class)
                .single();
        if (changed != totals.size()) {
            // Cannot happen while the rows are locked; if it does, the batch rolls back whole.
            throw new IllegalStateException("stock changed under a locked level: " + changed + " of " + totals.size());
        }
        return granted;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the reservation connection failed", e);
            }
            connection = null;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
        }
        if (thread != null) {
            thread.interrupt();
            thread.join(WAIT.toMillis());
            log.info("{} reservations were taken in {} batches", requests.get(), batches.get());
        }
    }
}
