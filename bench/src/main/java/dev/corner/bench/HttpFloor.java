package dev.corner.bench;

import dev.corner.simulator.KeepAliveConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The floor of Corner's HTTP stack on this machine: the cheapest authenticated request there is
 * ({@code GET /api/v1/stores}, a cached token and one small read), sent by the same kind of client
 * threads the benchmarks use, as fast as the answers come. No request that does real work can be
 * answered faster than this, so a target above it cannot be met on this machine however cheap the
 * work behind the request becomes.
 */
final class HttpFloor {

    private HttpFloor() {}

    /** {@code clients} threads for {@code seconds} after a 5 s warm-up. */
    static MachineCpu.Measured measure(String base, String token, int clients, int seconds)
            throws InterruptedException {
        var window = new Window(seconds);
        var headers = Map.of("Authorization", "Bearer " + token);
        window.run(clients, client -> {
            try (var connection = new KeepAliveConnection(base)) {
                while (window.open()) {
                    int status = connection
                            .send("GET", "/api/v1/stores", headers, "")
                            .status();
                    if (status != 200) {
                        throw new IllegalStateException("GET /api/v1/stores answered " + status);
                    }
                    window.answered();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        var measured = window.measured();
        System.out.printf(
                "HTTP floor (GET /api/v1/stores, the cheapest authenticated request; %d clients, %d s):"
                        + " %.0f requests/s, %.2f ms of the machine's CPU each%n",
                clients, seconds, measured.rate(), measured.cpuMsPerRequest());
        return measured;
    }
}
