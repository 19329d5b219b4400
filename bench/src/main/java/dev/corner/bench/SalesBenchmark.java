package dev.corner.bench;

import dev.corner.simulator.JsonClient;
import dev.corner.simulator.KeepAliveConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Recorder;

/**
 * POS sales over HTTP against a running Corner: each sale has 5 lines, is paid in cash and has a
 * distinct saleId. Prints throughput and latency percentiles and a closing line that compares them
 * with the target (1,500 sales/s, p99 at most 50 ms).
 *
 * <p>{@code java -cp bench/target/corner-bench.jar dev.corner.bench.SalesBenchmark [baseUrl]
 * [clients] [seconds] [dataDir]}, defaults {@code http://localhost:8080 16 20}. Given the data
 * directory of a Corner on its embedded default, it then measures, in the same run, the ceilings of
 * this machine for the target: the HTTP floor ({@link HttpFloor}) and pgbench running the
 * statements of such a sale on the same PostgreSQL, one sale per transaction and eight sales per
 * statement, with no application in between.
 */
public final class SalesBenchmark {

    public static void main(String[] args) throws Exception {
        var base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        var dataDir = args.length > 3 ? Path.of(args[3]) : null;
        var api = JsonClient.to(base);
        var shop = BenchStore.open(api, "Bench store");
        var token = shop.merchant();
        var store = shop.storeId();
        var products = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            products.add(shop.stocked("Item " + i, 199, 1_000_000));
        }
        var lines = new StringBuilder();
        for (var product : products) {
            lines.append(lines.isEmpty() ? "" : ",")
                    .append("{\"productId\":\"")
                    .append(product)
                    .append("\",\"quantity\":1}");
        }
        var path = "/api/v1/stores/" + store + "/sales";
        var recorder = new Recorder(3);
        var done = new AtomicLong();
        var failed = new AtomicLong();
        var warmUpEnds = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        var ends = warmUpEnds + Duration.ofSeconds(seconds).toNanos();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                var connection = new KeepAliveConnection(base);
                var headers = Map.of("Authorization", "Bearer " + token);
                while (System.nanoTime() < ends) {
                    var body = "{\"saleId\":\"" + UUID.randomUUID() + "\",\"lines\":[" + lines
                            + "],\"tenders\":[{\"type\":\"CASH\",\"amount\":{\"amount\":1000,\"currency\":\"EUR\"}}]}";
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = connection.send("POST", path, headers, body).status();
                    } catch (IOException e) {
                        status = -1;
                    }
                    long end = System.nanoTime();
                    if (start >= warmUpEnds) {
                        if (status == 201) {
                            recorder.recordValue(Math.max(1, (end - start) / 1000));
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
                connection.close();
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        var histogram = recorder.getIntervalHistogram();
        double throughput = done.get() / (double) seconds;
        double p50 = histogram.getValueAtPercentile(50) / 1000.0;
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        System.out.printf("sales: %d in %d s with %d clients, %d failed%n", done.get(), seconds, clients, failed.get());
        System.out.printf(
                "throughput %.0f sales/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                throughput, p50, p99, histogram.getMaxValue() / 1000.0);
        boolean met = throughput >= 1500 && p99 <= 50;
        System.out.printf(
                "SALES throughput=%.0f/s p50=%.1fms p99=%.1fms target>=1500/s,p99<=50ms %s%n",
                throughput, p50, p99, met ? "MET" : "NOT MET");
        if (dataDir != null) {
            var pgbench = Pgbench.on(dataDir);
            awaitFold(pgbench, store);
            double floor = HttpFloor.measure(base, token, clients, 10).rate();
            // A run that was stopped may have left its copies behind.
            pgbench.psql(
                    "postgres",
                    scratch("drop table if exists bench_$1") + "; "
                            + scratch("create table bench_$1 (like $1 including all)"));
            try {
                double single = pgbench.script(
                                "postgres", saleStatements(store, products, 1), clients, 10, "-M", "prepared")
                        .rate();
                double combined = 8
                        * pgbench.script("postgres", saleStatements(store, products, 8), clients, 10, "-M", "prepared")
                                .rate();
                System.out.printf(
                        "pgbench, the statements of these sales on copies of their tables in the same PostgreSQL"
                                + " (%d clients, 10 s): %.0f sales/s one sale per transaction,"
                                + " %.0f sales/s eight sales per statement%n",
                        clients, single, combined);
                System.out.printf(
                        "SALES-CEILING http-floor=%.0f/s database-one-sale-per-transaction=%.0f/s"
                                + " database-eight-per-statement=%.0f/s both-floors-together<=%.0f/s target=1500/s%n",
                        floor, single, combined, 1 / (1 / floor + 1 / combined));
            } finally {
                pgbench.psql("postgres", scratch("drop table if exists bench_$1"));
            }
        }
    }

    /**
     * Waits until Corner's ledger fold has taken in every movement of the sales just made, so that
     * its work does not count against the ceilings measured next.
     */
    private static void awaitFold(Pgbench pgbench, String store) throws IOException, InterruptedException {
        var query = "select count(*) from inventory_pending where store_id = '" + store + "'";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pgbench.psql("postgres", query).equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger fold did not catch up within 60 s");
            }
            Thread.sleep(200); // polling the fold's queue, not waiting a guessed time
        }
    }

    /**
     * One statement per table a cash sale writes, from a template naming the table {@code $1}. The
     * copies (columns, defaults, checks and indexes) keep pgbench's rows away from Corner's ledger
     * fold, and nothing stays behind.
     */
    private static String scratch(String template) {
        return String.join(
                "; ",
                Stream.of(
                                "pos_sales",
                                "pos_sale_lines",
                                "pos_sale_tenders",
                                "inventory_levels",
                                "inventory_movements",
                                "inventory_pending")
                        .map(table -> template.replace("$1", table))
                        .toList());
    }

    /**
     * A pgbench transaction writing {@code sales} cash sales of one unit of each product as Corner
     * records them: the prices read, the sale with its lines and tender, and the stock movements
     * queued for the fold, each as one statement for all the sales together.
     */
    private static String saleStatements(String store, List<String> products, int sales) {
        var ids = String.join(",", products.stream().map(p -> "'" + p + "'").toList());
        var ones = String.join(",", Collections.nCopies(products.size(), "1"));
        var prices = String.join(",", Collections.nCopies(products.size(), "199"));
        var zeros = String.join(",", Collections.nCopies(products.size(), "0"));
        return """
                begin;
                select product_id, price_amount, currency from catalog_offers
                  where store_id = '%1$s' and product_id in (%2$s);
                with head as (
                  insert into bench_pos_sales (store_id, sale_id, subtotal_amount, discount_amount, total_amount,
                    change_amount, currency, fingerprint, recorded_by, recorded_at, flags)
                  select '%1$s', gen_random_uuid()::text, 995, 0, 995, 5, 'EUR', 'bench', 'bench', now(), ''
                  from generate_series(1, %6$d)
                  on conflict (store_id, sale_id) do nothing returning store_id, sale_id),
                lines as (
                  insert into bench_pos_sale_lines (store_id, sale_id, line_no, product_id, quantity, unit_price,
                    discount_percent, discount_amount, line_total)
                  select h.store_id, h.sale_id, n, p, q, u, dp, d, t from head h,
                    unnest(array[%2$s]::varchar[], array[%3$s]::bigint[], array[%4$s]::bigint[],
                           array[%5$s]::int[], array[%5$s]::bigint[], array[%4$s]::bigint[])
                      with ordinality as l(p, q, u, dp, d, t, n)),
                tenders as (
                  insert into bench_pos_sale_tenders (store_id, sale_id, tender_no, type, amount, status)
                  select h.store_id, h.sale_id, 1, 'CASH', 1000, 'CASH' from head h)
                select count(*) from head;
                with levels as (
                  insert into bench_inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                  select '%1$s', p, 0, 0, now() from unnest(array[%2$s]::varchar[]) as p
                  order by p collate "C" on conflict do nothing),
                moved as (
                  insert into bench_inventory_movements
                    (store_id, product_id, kind, on_hand_delta, reserved_delta, reference, at)
                  select '%1$s', p, 'SOLD', -1, 0, 'bench', now()
                  from unnest(array[%2$s]::varchar[]) as p, generate_series(1, %6$d)
                  returning id, store_id, product_id, on_hand_delta)
                insert into bench_inventory_pending (movement_id, store_id, product_id, on_hand_delta)
                select id, store_id, product_id, on_hand_delta from moved;
                commit;
                """.formatted(store, ids, ones, prices, zeros, sales);
    }

    private SalesBenchmark() {}
}
