package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.inventory.StockLevel;
import dev.corner.stores.StoreId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live stock per store. Every committed change of a level row (a reservation, a release, a fold of
 * appended movements) is announced by PostgreSQL on {@link #CHANNEL} (see {@link StockLedger});
 * this component listens on one connection and passes the product's exact level to the browsers and
 * apps subscribed to that store. Sales and receipts show up when they are folded, within a fraction
 * of a second. Because the database does
 * the fan-out, a subscriber on any node sees changes made on every node, and never one that was
 * rolled back.
 */
@Component
public class StockFeed implements SmartLifecycle {

    public static final String CHANNEL = "corner_stock";
    private static final Logger log = LoggerFactory.getLogger(StockFeed.class);

    /** A stock level as it stands after a committed change. */
    public record Change(StoreId storeId, ProductId productId, StockLevel level) {}

    private final DataSource dataSource;
    private final StockLedger ledger;
    private final Map<StoreId, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Thread listener;

    StockFeed(DataSource dataSource, StockLedger ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    public SseEmitter subscribe(StoreId store) {
        var emitter = new SseEmitter(0L); // no timeout: the client closes it
        var set = subscribers.computeIfAbsent(store, s -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // An event at once, so the client knows the stream is open before the first change.
            emitter.send(SseEmitter.event().name("ready").data(store.value()));
        } catch (IOException gone) {
            remove.run();
        }
        return emitter;
    }

    /**
     * Calls {@code watcher} on the listening thread with every committed change, as announced (the
     * level of the row, without movements not folded yet). It must return quickly.
     */
    public void watch(Consumer<Change> watcher) {
        watchers.add(watcher);
    }

    void deliver(Change change) {
        for (var watcher : watchers) {
            try {
                watcher.accept(change);
            } catch (RuntimeException e) {
                log.warn("A stock watcher failed", e);
            }
        }
        var set = subscribers.get(change.storeId());
        if (set == null || set.isEmpty()) {
            return;
        }
        // The notification names the row as it was written; subscribers get the exact level, which
        // also counts the movements not folded yet.
        change = new Change(change.storeId(), change.productId(), ledger.level(change.storeId(), change.productId()));
        var json = "{\"productId\":\"" + change.productId().value() + "\",\"onHand\":"
                + change.level().onHand() + ",\"reserved\":" + change.level().reserved() + ",\"available\":"
                + change.level().available() + "}";
        for (var emitter : set) {
            try {
                emitter.send(SseEmitter.event().name("stock").data(json, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                set.remove(emitter);
            }
        }
    }

    static Change parse(String payload) {
        var parts = payload.split("\\|");
        return new Change(
                new StoreId(parts[0]),
                new ProductId(parts[1]),
                new StockLevel(Long.parseLong(parts[2]), Long.parseLong(parts[3])));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (var notification : notifications) {
                            deliver(parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Stock feed lost its database connection; listening again in 1 s", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "stock-feed");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        var thread = listener;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.values().forEach(set -> set.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
