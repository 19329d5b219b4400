package dev.corner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two application nodes on one PostgreSQL: this test's Corner and a second Corner process pointed at
 * the same database. Households press at once through both; the last units are reserved exactly
 * once, never more.
 */
@CornerTest
class TwoNodesTest extends ContractTest {

    @Autowired
    ObjectProvider<EmbeddedPostgres> embedded;

    @Value("${corner.data-dir}")
    Path dataDir;

    @TempDir
    Path secondNodeDir;

    @Test
    void pressesThroughTwoNodesNeverOversell() throws Exception {
        var environment = new HashMap<String, String>();
        var postgres = embedded.getIfAvailable();
        if (postgres != null) {
            environment.put("CORNER_DB_URL", postgres.jdbcUrl());
            environment.put("CORNER_DB_USER", "postgres");
            environment.put("CORNER_DB_PASSWORD", postgres.password());
        } // else both nodes already share CORNER_DB_URL from the environment
        // Device secrets are sealed with the master key: every node must hold the same one.
        environment.put(
                "CORNER_MASTER_KEY",
                Files.readString(dataDir.resolve("master.key")).strip());
        int secondPort = CornerProcess.freePort();
        var second = CornerProcess.start(secondNodeDir, secondPort, "second-node", environment);
        try {
            var secondApi = new Api(secondPort);
            int stock = 10;
            var shop = town.shop(stock);
            var presses = new ArrayList<Callable<String>>();
            for (int i = 0; i < 24; i++) {
                var household = town.householdWithButton(shop);
                var node = i % 2 == 0 ? api : secondApi;
                var device = new DeviceClient(
                        node, household.device().deviceId(), household.device().secret(), clock);
                presses.add(() -> device.press("main", "two-nodes").text("result"));
            }

            var results = Concurrently.run(presses);

            assertThat(results).filteredOn("ORDER_PLACED"::equals).hasSize(stock);
            assertThat(results).filteredOn("UNAVAILABLE"::equals).hasSize(24 - stock);
            var level = town.level(shop);
            assertThat(level.reserved()).isEqualTo(stock);
            assertThat(level.available()).isZero();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }
}
