package dev.corner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
 * PATH or under /usr/lib/postgresql/15/bin.
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
        var merchant = api.account("MERCHANT");
        var store = JsonClient.field(
                api.post(
                        "/api/v1/stores",
                        merchant,
                        "{\"name\":\"Hot store\",\"address\":\"Loop 2\",\"latitude\":52.5,\"longitude\":13.4,\"currency\":\"EUR\"}"),
                "storeId");
        var product = JsonClient.field(
                api.post(
                        "/api/v1/products",
                        merchant,
                        "{\"gtin\":\"" + JsonClient.gtin()
                                + "\",\"name\":\"Hot item\",\"brand\":\"Bench\",\"unit\":\"pc\"}"),
                "productId");
        api.put(
                "/api/v1/stores/" + store + "/offers/" + product,
                merchant,
                "{\"price\":{\"amount\":100,\"currency\":\"EUR\"}}");
        api.post(
                "/api/v1/stores/" + store + "/stock/receipts",
                merchant,
                "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":" + stock + "}]}");
        var maker = api.account("MAKER");
        var model = JsonClient.field(
                api.post(
                        "/api/v1/device-models",
                        maker,
                        "{\"name\":\"Bench button\",\"kind\":\"BUTTON\",\"slots\":[{\"slotId\":\"main\",\"unit\":\"pc\",\"capacity\":1}]}"),
                "modelId");
        var household = api.account("HOUSEHOLD");
        var buttons = new ConcurrentLinkedQueue<String[]>();
        var provisioned = Pattern.compile(
                "\\{\"deviceId\":\"([^\"]+)\",\"serial\":\"([^\"]+)\",\"secret\":\"([^\"]+)\",\"claimCode\":\"([^\"]+)\"}");
        for (int batch = 0; batch * 1000 < devices; batch++) {
            var serials = new StringBuilder();
            for (int i = batch * 1000; i < Math.min(devices, (batch + 1) * 1000); i++) {
                serials.append(serials.isEmpty() ? "" : ",")
                        .append("\"HOT-")
                        .append(UUID.randomUUID())
                        .append('"');
            }
            var matcher = provisioned.matcher(
                    api.post("/api/v1/device-models/" + model + "/devices", maker, "{\"serials\":[" + serials + "]}"));
            while (matcher.find()) {
                api.post(
                        "/api/v1/devices/claims",
                        household,
                        "{\"serial\":\"" + matcher.group(2) + "\",\"claimCode\":\"" + matcher.group(4) + "\"}");
                api.put(
                        "/api/v1/devices/" + matcher.group(1) + "/slots/main",
                        household,
                        "{\"productIds\":[\"" + product + "\"],\"strategy\":\"PREFERRED\",\"storeIds\":[\"" + store
                                + "\"],\"maxUnitPrice\":{\"amount\":100,\"currency\":\"EUR\"},\"quantity\":1}");
                buttons.add(new String[] {matcher.group(1), matcher.group(3)});
            }
        }

        var placed = new AtomicLong();
        var unavailable = new AtomicLong();
        var other = new AtomicLong();
        long start = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                var connection = new KeepAliveConnection(base);
                for (var button = buttons.poll(); button != null; button = buttons.poll()) {
                    var answer = press(connection, button[0], button[1]);
                    if (answer.contains("\"ORDER_PLACED\"")) {
                        placed.incrementAndGet();
                    } else if (answer.contains("\"UNAVAILABLE\"")) {
                        unavailable.incrementAndGet();
                    } else {
                        other.incrementAndGet();
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
    }

    private static String press(KeepAliveConnection connection, String deviceId, String secret) {
        try {
            var path = "/device/v1/slots/main/press";
            var body = "{\"pressId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}";
            var timestamp = Long.toString(Instant.now().getEpochSecond());
            var nonce = UUID.randomUUID().toString().replace("-", "");
            var hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
            var signature = Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal(("POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + hash).getBytes()));
            return connection
                    .send(
                            "POST",
                            path,
                            Map.of(
                                    "X-Corner-Device", deviceId,
                                    "X-Corner-Timestamp", timestamp,
                                    "X-Corner-Nonce", nonce,
                                    "X-Corner-Signature", signature),
                            body)
                    .body();
        } catch (Exception e) {
            return "error: " + e.getMessage();
        }
    }

    /** pgbench, single-row conditional UPDATE, same clients, 10 s, against the same PostgreSQL. */
    private static double pgbenchHotRow(Path dataDir, int clients) throws IOException, InterruptedException {
        var pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        var port = pid.get(3).strip();
        var password = Files.readString(dataDir.resolve("postgres.password")).strip();
        var env = Map.of("PGPASSWORD", password, "PGHOST", "127.0.0.1", "PGPORT", port, "PGUSER", "postgres");
        run(
                env,
                tool("psql"),
                "-q",
                "-d",
                "postgres",
                "-c",
                "drop table if exists bench_hot; create table bench_hot (id int primary key, stock bigint);"
                        + " insert into bench_hot values (1, 1000000000);");
        var script = Files.createTempFile("hot-row", ".sql");
        Files.writeString(script, "UPDATE bench_hot SET stock = stock - 1 WHERE id = 1 AND stock > 0;\n");
        var output = run(
                env,
                tool("pgbench"),
                "-n",
                "-d",
                "postgres",
                "-c",
                Integer.toString(clients),
                "-j",
                "2",
                "-T",
                "10",
                "-f",
                script.toString());
        run(env, tool("psql"), "-q", "-d", "postgres", "-c", "drop table bench_hot;");
        var matcher = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        System.out.printf("pgbench hot row (%d clients, 10 s): %s tps%n", clients, matcher.group(1));
        return Double.parseDouble(matcher.group(1));
    }

    private static String tool(String name) {
        var debian = Path.of("/usr/lib/postgresql/15/bin", name);
        return Files.isExecutable(debian) ? debian.toString() : name;
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private HotProductBenchmark() {}
}
