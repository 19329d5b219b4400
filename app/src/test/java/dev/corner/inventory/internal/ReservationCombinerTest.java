package dev.corner.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.catalog.ProductId;
import dev.corner.inventory.ReservationId;
import dev.corner.stores.StoreId;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Reservations taken together: first come, first served, never more than available, never lost. */
@CornerTest
class ReservationCombinerTest extends ContractTest {

    @Autowired
    ReservationCombiner combiner;

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aBatchTakesWhatFitsInTheOrderAskedAndNeverMore() throws Exception {
        var shop = town.shop(5);
        var store = new StoreId(shop.storeId());
        var product = new ProductId(shop.productId());
        var asked = List.of(3L, 3L, 1L, 1L, 1L).stream()
                .map(quantity -> new ReservationCombiner.Request(
                        new ReservationId("rsv_batch_" + quantity + "_" + System.nanoTime()),
                        store,
                        product,
                        quantity,
                        "batch"))
                .toList();

        java.util.Map<ReservationId, Boolean> granted;
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            granted = combiner.takeBatch(connection, asked);
        }

        assertThat(asked.stream().map(r -> granted.get(r.id())).toList())
                .containsExactly(true, false, true, true, false);
        var level = town.level(shop);
        assertThat(level.reserved()).isEqualTo(5);
        assertThat(level.available()).isZero();
    }

    @Test
    void aBatchWaitsForALevelAnotherTransactionHoldsAndTakesOnlyWhatItLeft() throws Exception {
        var shop = town.shop(5);
        var asked = List.of(3L, 1L).stream()
                .map(quantity -> new ReservationCombiner.Request(
                        new ReservationId("rsv_wait_" + quantity + "_" + System.nanoTime()),
                        new StoreId(shop.storeId()),
                        new ProductId(shop.productId()),
                        quantity,
                        "wait"))
                .toList();

        java.util.Map<ReservationId, Boolean> granted;
        try (var other = dataSource.getConnection();
                var mine = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var sold = other.prepareStatement(
                    "update inventory_levels set on_hand = on_hand - 3 where store_id = ? and product_id = ?")) {
                sold.setString(1, shop.storeId());
                sold.setString(2, shop.productId());
                assertThat(sold.executeUpdate()).isEqualTo(1);
            }
            mine.setAutoCommit(false);
            var batch = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return combiner.takeBatch(mine, asked);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // The database says the batch waits for a lock; only then does the other transaction end.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("""
                                    select count(*) from pg_stat_activity
                                    where wait_event_type = 'Lock' and query like '%inventory_levels%'""").query(Long.class).single() > 0);
            assertThat(batch).as("the batch waits for the level's lock").isNotDone();
            other.commit();
            granted = batch.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        // Read after the lock: the 3 no longer fit in what the other transaction left, the 1 does.
        assertThat(asked.stream().map(r -> granted.get(r.id())).toList()).containsExactly(false, true);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
        assertThat(town.level(shop).available()).isEqualTo(1);
    }

    @Test
    void aBatchIsTakenWhenTheCallersHoldEveryConnectionOfThePool() throws Exception {
        var shop = town.shop(3);
        var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        var held = new java.util.ArrayList<java.sql.Connection>();
        try {
            // As callers in their transactions do while they wait for their batch: every connection
            // that no one else holds (a listener keeps one of its own).
            int free = pool.getMaximumPoolSize() - pool.getHikariPoolMXBean().getActiveConnections();
            for (int i = 0; i < free; i++) {
                held.add(dataSource.getConnection());
            }
            // A combiner that has no connection yet, as after a start or a lost connection.
            var fresh = new ReservationCombiner(
                    dataSource, jdbc, clock, Duration.ofMinutes(2), Duration.ofMinutes(15), true);
            try {
                var granted = java.util.concurrent.CompletableFuture.supplyAsync(() -> fresh.reserve(
                        new ReservationId("rsv_pool_" + System.nanoTime()),
                        new StoreId(shop.storeId()),
                        new ProductId(shop.productId()),
                        1,
                        "pool"));

                assertThat(granted.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
            } finally {
                fresh.destroy();
            }
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void withoutCombiningAReservationIsTakenInItsCallersTransactionForItsFullTime() {
        var shop = town.shop(2);
        var store = new StoreId(shop.storeId());
        var product = new ProductId(shop.productId());
        transaction.executeWithoutResult(status -> {
            assertThat(combiner.reserveHere(
                            new ReservationId("rsv_here_" + System.nanoTime()), store, product, 2, "here"))
                    .isTrue();
            assertThat(combiner.reserveHere(
                            new ReservationId("rsv_here_" + System.nanoTime()), store, product, 1, "here"))
                    .isFalse();
            status.setRollbackOnly();
        });
        // Rolled back with its caller: nothing held.
        assertThat(town.level(shop).available()).isEqualTo(2);

        transaction.executeWithoutResult(status -> assertThat(combiner.reserveHere(
                        new ReservationId("rsv_here_" + System.nanoTime()), store, product, 1, "here"))
                .isTrue());
        clock.advance(Duration.ofHours(47));
        expiry.releaseExpired();
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    /** A combiner that combines (the default takes each reservation in its caller's transaction). */
    private ReservationCombiner combining() {
        return new ReservationCombiner(dataSource, jdbc, clock, Duration.ofMinutes(2), Duration.ofMinutes(15), true);
    }

    @Test
    void aReservationWhoseTransactionRolledBackIsGivenBackAfterItsHold() throws InterruptedException {
        var shop = town.shop(3);
        var combining = combining();
        try {
            transaction.executeWithoutResult(status -> {
                assertThat(combining.reserve(
                                new ReservationId("rsv_lost_" + System.nanoTime()),
                                new StoreId(shop.storeId()),
                                new ProductId(shop.productId()),
                                1,
                                "lost"))
                        .isTrue();
                status.setRollbackOnly();
            });
        } finally {
            combining.destroy();
        }
        // The batch committed the reservation with a short hold; nothing refers to it.
        assertThat(town.level(shop).available()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(3));
        expiry.releaseExpired();

        assertThat(town.level(shop).reserved()).isZero();
        assertThat(town.level(shop).available()).isEqualTo(3);
    }

    @Test
    void aCommittedReservationOutlivesTheHold() throws InterruptedException {
        var shop = town.shop(3);
        var combining = combining();
        var id = new ReservationId("rsv_kept_" + System.nanoTime());
        try {
            transaction.executeWithoutResult(status -> {
                assertThat(combining.reserve(
                                id, new StoreId(shop.storeId()), new ProductId(shop.productId()), 1, "kept"))
                        .isTrue();
                // As the order's transaction does: the hold extended to the reservation's full time.
                assertThat(ledger.holdUntil(List.of(id), clock.instant().plus(Duration.ofHours(48))))
                        .containsExactly(id);
            });
        } finally {
            combining.destroy();
        }

        clock.advance(Duration.ofMinutes(3));
        expiry.releaseExpired();

        assertThat(town.level(shop).reserved()).isEqualTo(1);
        assertThat(town.level(shop).available()).isEqualTo(2);
    }
}
