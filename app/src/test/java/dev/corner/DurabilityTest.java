package dev.corner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup default keeps what it acknowledged: Corner runs as its own process on the embedded
 * PostgreSQL, is killed with SIGKILL right after its answers, and the next start comes up cleanly
 * (the orphaned postmaster is handled) with every acknowledged write there.
 */
@DisabledIfEnvironmentVariable(named = "CORNER_DB_URL", matches = ".+")
class DurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void killMinus9LosesNothingThatWasAcknowledged() throws Exception {
        int port = CornerProcess.freePort();
        var first = start(port, "first");
        Neighbourhood.Shop shop;
        try {
            var api = new Api(port);
            shop = new Neighbourhood(api).shop(7);
            var sale = api.post(
                    "/api/v1/stores/" + shop.storeId() + "/sales",
                    shop.merchant().token(),
                    Map.of(
                            "saleId", "till-1",
                            "lines", List.of(Map.of("productId", shop.productId(), "quantity", 2)),
                            "tenders",
                                    List.of(Map.of(
                                            "type", "CASH", "amount", Map.of("amount", 1000, "currency", "EUR")))));
            assertThat(sale.status()).isEqualTo(201);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        var second = start(port, "second");
        try {
            var api = new Api(port);
            var stock = api.get(
                    "/api/v1/stores/" + shop.storeId() + "/stock/" + shop.productId(),
                    shop.merchant().token());
            assertThat(stock.status()).as(stock.raw()).isEqualTo(200);
            assertThat(stock.body().get("onHand").asLong()).isEqualTo(5);
            var token = api.post(
                    "/api/v1/tokens", null, Map.of("email", shop.merchant().email(), "password", "password-1234"));
            assertThat(token.status()).isEqualTo(201);
            assertThat(Files.readString(dataDir.resolve("postgres/postmaster.opts")))
                    .contains("fsync=on");
        } finally {
            second.destroy(); // SIGTERM: a clean stop also stops PostgreSQL
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private Process start(int port, String name) {
        var environment = new java.util.HashMap<String, String>();
        environment.put("CORNER_DB_URL", null); // this test is about the embedded default
        return CornerProcess.start(dataDir, port, name, environment);
    }
}
