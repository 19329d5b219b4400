package dev.corner.bench;

import dev.corner.simulator.JsonClient;
import dev.corner.simulator.KeepAliveConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * POS sales over HTTP against a running Corner: each sale has 5 lines, is paid in cash and has a
 * distinct saleId. Prints throughput and latency percentiles and a closing line that compares them
 * with the target (1,500 sales/s, p99 at most 50 ms).
 *
 * <p>{@code java -cp bench/target/corner-bench.jar dev.corner.bench.SalesBenchmark [baseUrl]
 * [clients] [seconds]}, defaults {@code http://localhost:8080 16 20}.
 */
public final class SalesBenchmark {

    public static void main(String[] args) throws Exception {
        var base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
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
    }

    private SalesBenchmark() {}
}
