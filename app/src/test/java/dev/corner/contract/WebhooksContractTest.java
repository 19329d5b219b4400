package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood.Account;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed webhooks for makers and merchants: delivered, retried with back-off, logged, replayable. */
@CornerTest
class WebhooksContractTest extends ContractTest {

    record Received(String event, String signature, String body) {}

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 204;
            if (failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("X-Corner-Event"),
                        exchange.getRequestHeaders().getFirst("X-Corner-Signature"),
                        body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Api.Response subscribe(Account owner, List<String> events) {
        return api.post("/api/v1/webhooks", owner.token(), Map.of("url", url(), "events", events));
    }

    private Received awaitEvent(String type, String containing) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> received.stream()
                        .anyMatch(r -> type.equals(r.event()) && r.body().contains(containing)));
        return received.stream()
                .filter(r -> type.equals(r.event()) && r.body().contains(containing))
                .findFirst()
                .orElseThrow();
    }

    static String hmac(String secret, String text) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMakerHearsOfItsDevicesSignedAndOfTheOrdersTheyPlace() throws Exception {
        var maker = town.account("MAKER");
        var subscribed = subscribe(maker, List.of());
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        var secret = subscribed.text("secret");

        var device = town.provisionedButton(maker);
        var registered = awaitEvent("device.registered", device.deviceId());
        var parts = registered.signature().split(",");
        var timestamp = parts[0].substring(2);
        assertThat(parts[1]).isEqualTo("v1=" + hmac(secret, timestamp + "." + registered.body()));
        assertThat(hmac("whsec_wrong", timestamp + "." + registered.body())).isNotEqualTo(parts[1].substring(3));

        var shop = town.shop(3);
        assertThat(subscribe(shop.merchant(), List.of("order.placed")).status()).isEqualTo(201);
        var household = town.account("HOUSEHOLD");
        town.claim(household, device);
        assertThat(town.bind(household, device, List.of(shop.productId()), List.of(shop.storeId()), 600)
                        .status())
                .isEqualTo(200);
        awaitEvent("slot.changed", device.deviceId());
        var press = new DeviceClient(api, device.deviceId(), device.secret(), clock).press("main", "hook-press-1");
        var orderId = press.text("orderId");
        // The maker and the store's merchant each hear of the order, each with what is theirs to know.
        var placed = awaitEvent("order.placed", device.deviceId());
        assertThat(placed.body()).contains(orderId).doesNotContain(shop.storeId());
        var atTheStore = awaitEvent("order.placed", shop.storeId());
        assertThat(atTheStore.body()).contains(orderId).doesNotContain(device.deviceId());

        var removed = api.delete(
                "/api/v1/device-models/" + device.modelId() + "/devices/" + device.deviceId(), maker.token());
        assertThat(removed.status()).as(removed.raw()).isEqualTo(204);
        awaitEvent("device.deregistered", device.deviceId());
        var after = new DeviceClient(api, device.deviceId(), device.secret(), clock).press("main", "hook-press-2");
        assertThat(after.status()).isEqualTo(401);

        var other = town.account("MAKER");
        assertThat(api.delete(
                                "/api/v1/device-models/" + device.modelId() + "/devices/" + device.deviceId(),
                                other.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMerchantHearsOfOrdersAtItsStoresOnlyTheEventsItChose() {
        var shop = town.shop(3);
        assertThat(subscribe(shop.merchant(), List.of("order.cancelled")).status())
                .isEqualTo(201);
        var household = town.householdWithButton(shop);
        var press = new DeviceClient(
                        api, household.device().deviceId(), household.device().secret(), clock)
                .press("main", "hook-m-1");
        var orderId = press.text("orderId");
        var cancelled = api.post(
                "/api/v1/orders/" + orderId + "/cancel", household.account().token(), Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        var event = awaitEvent("order.cancelled", orderId);
        assertThat(event.body()).contains(shop.storeId());
        assertThat(received)
                .noneMatch(r -> "order.placed".equals(r.event()) && r.body().contains(orderId));
    }

    @Test
    void aDeliveryTheEndpointRefusesIsRetriedWithBackOffLoggedAndCanBeReplayed() {
        var maker = town.account("MAKER");
        var hook = subscribe(maker, List.of("device.registered")).text("webhookId");
        failuresToGive.set(1);
        var device = town.provisionedButton(maker);
        var log = "/api/v1/webhooks/" + hook + "/deliveries";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(log, maker.token())
                                .body()
                                .get("deliveries")
                                .get(0)
                                .get("attempts")
                                .asInt()
                        == 1);
        var first = api.get(log, maker.token()).body().get("deliveries").get(0);
        assertThat(first.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(received).noneMatch(r -> r.body().contains(device.deviceId()));

        // Nothing is sent again before the back-off has passed.
        clock.advance(Duration.ofSeconds(11));
        awaitEvent("device.registered", device.deviceId());
        var delivered = api.get(log, maker.token()).body().get("deliveries").get(0);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);

        received.clear();
        var replay = api.post(log + "/" + delivered.get("deliveryId").asString() + "/replay", maker.token(), Map.of());
        assertThat(replay.status()).isEqualTo(202);
        awaitEvent("device.registered", device.deviceId());

        var stranger = town.account("MAKER");
        assertThat(api.get(log, stranger.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhooks", town.account("HOUSEHOLD").token(), Map.of("url", url()))
                        .status())
                .isEqualTo(403);
        var bad = api.post("/api/v1/webhooks", maker.token(), Map.of("url", "ftp://example.org/x"));
        assertThat(bad.code()).isEqualTo("INVALID_URL");
    }
}
