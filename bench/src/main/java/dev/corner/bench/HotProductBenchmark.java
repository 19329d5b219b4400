package dev.corner.bench;

import dev.corner.simulator.DeviceCredentials;
import dev.corner.simulator.Fleet;
import dev.corner.simulator.HttpTransport;
import dev.corner.simulator.JsonClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hot product: {@code clients} threads press buttons of many devices, all bound to one product
 * with {@code stock} units at one store, until every device has pressed once. Exactly {@code stock}
 * presses may place an order; available stock must end at 0, never below. The reservation rate is
 * compared, in the same run, with pgbench running a single-row conditional UPDATE (the hot-row
 * ceiling of this PostgreSQL) against the same server.
 *
 * <p>Runs against a Corner on its embedded default: {@code java -cp bench/target/corner-bench.jar
 * dev.corner.bench.HotProductBenchmark [baseUrl] [dataDir] [clients] [stock] [devices]}, defaults
 * {@code http://localhost:8080 ./data 16 1000 1500}. Needs {@code pgbench} and {@code psql} on the
 * PATH or under /usr/lib/postgresql/15/bin. It also prints the floor of Corner's HTTP stack on this
 * machine ({@link HttpFloor}): a press cannot be answered faster than the cheapest authenticated
 * request.
 */
public final class HotProductBenchmark {

    public static void main(String[] args) throws Exception {
        var base = args.length > 0 ? args[0] : "http://localhost:8080";
        var dataDir = Path.of(args.length > 1 ? args[1] : "./data");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int stock = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int devices = args.length > 4 ? Integer.parseInt(args[4]) : 1500;
        var api = JsonClient.to(base);

        System.out.printf("setting up one store, one product with %d units, %d buttons…%n", stock, devices);
        var shop = BenchStore.open(api, "Hot store");
        var store = shop.storeId();
        var merchant = shop.merchant();
        var product = shop.stocked("Hot item", 100, stock);
        var maker = api.account("MAKER");
        var household = api.account("HOUSEHOLD");
        var fleet = new Fleet(api);
        var model = fleet.model(maker, "Bench button", "BUTTON", "pc", 1);
        var buttons = new ConcurrentLinkedQueue<DeviceCredentials>();
        var binding = Fleet.binding(List.of(product), "PREFERRED", List.of(store), 100, "EUR");
        for (var button : fleet.provision(maker, model, "HOT", devices)) {
            fleet.claim(household, button);
            fleet.bind(household, button.deviceId(), binding);
            buttons.add(button.credentials());
        }

        var placed = new AtomicLong();
        var unavailable = new AtomicLong();
        var other = new AtomicLong();
        long start = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                try (var transport = new HttpTransport(base)) {
                    for (var button = buttons.poll(); button != null; button = buttons.poll()) {
                        var answer = transport
                                .exchange(button.sign(
                                        "POST",
                                        "/device/v1/slots/main/press",
                                        "{\"pressId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}",
                                        Instant.now().getEpochSecond()))
                                .result();
                        switch (answer) {
                            case "ORDER_PLACED" -> placed.incrementAndGet();
                            case "UNAVAILABLE" -> unavailable.incrementAndGet();
                            default -> other.incrementAndGet();
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var level = api.send("GET", "/api/v1/stores/" + store + "/stock/" + product, merchant, "", Map.of());
        double pressRate = devices / seconds;
        System.out.printf(
                "presses: %d in %.1f s with %d clients: %d placed, %d unavailable, %d other; stock now %s%n",
                devices, seconds, clients, placed.get(), unavailable.get(), other.get(), level);

        double ceiling = pgbenchHotRow(dataDir, clients);
        boolean exact = placed.get() == stock && level.contains("\"available\":0");
        System.out.printf(
                "HOT-PRODUCT presses=%.0f/s pgbench-hot-row=%.0f tps ratio=%.2f target>=2.00 %s; placed=%d of stock=%d %s%n",
                pressRate,
                ceiling,
                pressRate / ceiling,
                pressRate / ceiling >= 2 ? "MET" : "NOT MET",
                placed.get(),
                stock,
                exact ? "EXACT (no oversell)" : "WRONG");
        double floor = HttpFloor.measure(base, merchant, clients, 10).rate();
        System.out.printf(
                "HOT-PRODUCT-FLOOR http-floor=%.0f/s needed=%.0f/s (2 x the hot row) %s%n",
                floor,
                2 * ceiling,
                floor < 2 * ceiling
                        ? "the target is above the floor of this machine's HTTP stack"
                        : "the floor leaves room for the target");
    }

    /** pgbench, single-row conditional UPDATE, same clients, 10 s, against the same PostgreSQL. */
    private static double pgbenchHotRow(Path dataDir, int clients) throws IOException, InterruptedException {
        var pgbench = Pgbench.on(dataDir);
        pgbench.psql(
                "postgres",
                "drop table if exists bench_hot; create table bench_hot (id int primary key, stock bigint);"
                        + " insert into bench_hot values (1, 1000000000);");
        double tps = pgbench.script(
                        "postgres", "UPDATE bench_hot SET stock = stock - 1 WHERE id = 1 AND stock > 0;\n", clients, 10)
                .rate();
        pgbench.psql("postgres", "drop table bench_hot");
        System.out.printf("pgbench hot row (%d clients, 10 s): %.0f tps%n", clients, tps);
        return tps;
    }

    private HotProductBenchmark() {}
}
