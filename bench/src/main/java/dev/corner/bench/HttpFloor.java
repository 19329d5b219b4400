package dev.corner.bench;

import dev.corner.simulator.KeepAliveConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of Corner's HTTP stack on this machine: the cheapest authenticated request there is
 * ({@code GET /api/v1/stores}, a cached token and one small read), sent by the same kind of client
 * threads the benchmarks use, as fast as the answers come. No request that does real work can be
 * answered faster than this, so a target above it cannot be met on this machine however cheap the
 * work behind the request becomes.
 */
final class HttpFloor {

    private HttpFloor() {}

    /** Requests per second, {@code clients} threads for {@code seconds} after a 5 s warm-up. */
    static double measure(String base, String token, int clients, int seconds) throws InterruptedException {
        var answered = new AtomicLong();
        var warmUpEnds = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        var ends = warmUpEnds + Duration.ofSeconds(seconds).toNanos();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                try (var connection = new KeepAliveConnection(base)) {
                    var headers = Map.of("Authorization", "Bearer " + token);
                    while (System.nanoTime() < ends) {
                        int status = connection
                                .send("GET", "/api/v1/stores", headers, "")
                                .status();
                        if (status != 200) {
                            throw new IllegalStateException("GET /api/v1/stores answered " + status);
                        }
                        if (System.nanoTime() >= warmUpEnds) {
                            answered.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        double rate = answered.get() / (double) seconds;
        System.out.printf(
                "HTTP floor (GET /api/v1/stores, the cheapest authenticated request; %d clients, %d s): %.0f requests/s%n",
                clients, seconds, rate);
        return rate;
    }
}
