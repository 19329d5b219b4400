package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the household app reads besides the older endpoints: products by name, brand or GTIN; the
 * month's spending by device against the limits; and the live stream of the caller's notices. Each
 * household sees only its own.
 */
@CornerTest
class HouseholdAppContractTest extends ContractTest {

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeviceClient button(Neighbourhood.Household household) {
        return new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
    }

    @Test
    void productsAreFoundByAWordOfTheirNameOrBrandOrTheStartOfTheirGtin() {
        var merchant = town.account("MERCHANT");
        var word = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        var gtin = Neighbourhood.randomGtin();
        var added = api.post(
                "/api/v1/products",
                merchant.token(),
                Map.of("gtin", gtin, "name", "Oat drink " + word, "brand", "Brand" + word, "unit", "l"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        var household = town.account("HOUSEHOLD");

        var byName = api.get("/api/v1/products?q=" + word.toLowerCase(), household.token());
        assertThat(byName.status()).as(byName.raw()).isEqualTo(200);
        assertThat(byName.body().get("products")).hasSize(1);
        assertThat(byName.body().get("products").get(0).get("productId").asString())
                .isEqualTo(added.text("productId"));
        assertThat(api.get("/api/v1/products?q=Brand" + word, household.token())
                        .body()
                        .get("products"))
                .hasSize(1);
        assertThat(api.get("/api/v1/products?q=" + gtin.substring(0, 12), household.token())
                        .body()
                        .get("products")
                        .get(0)
                        .get("gtin")
                        .asString())
                .isEqualTo(gtin);
        // A wildcard is a character like any other, not a way to list everything.
        assertThat(api.get("/api/v1/products?q=%25" + word, household.token())
                        .body()
                        .get("products"))
                .isEmpty();
        assertThat(api.get("/api/v1/products", household.token()).code()).isEqualTo("INVALID_QUERY");
        assertThat(api.get("/api/v1/products?q=" + word, null).status()).isEqualTo(401);
    }

    @Test
    void spendingShowsTheMonthByDeviceAgainstTheLimitsAndOnlyTheCallersOwn() {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        var other = town.householdWithButton(shop);
        var limits = api.put(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token(),
                Map.of("dailyLimit", eur(2000), "monthlyLimit", eur(5000)));
        assertThat(limits.status()).as(limits.raw()).isEqualTo(200);
        api.put("/api/v1/household/settings", household.account().token(), Map.of("monthlyLimit", eur(9000)));

        var placed = button(household).press("main", "p-" + UUID.randomUUID());
        assertThat(placed.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(button(other).press("main", "p-" + UUID.randomUUID()).text("result"))
                .isEqualTo("ORDER_PLACED");

        var spending = api.get("/api/v1/household/spending", household.account().token());
        assertThat(spending.status()).as(spending.raw()).isEqualTo(200);
        var body = spending.body();
        assertThat(body.get("total").get("amount").asLong()).isEqualTo(499);
        assertThat(body.get("total").get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("monthlyLimit").get("amount").asLong()).isEqualTo(9000);
        assertThat(body.get("devices")).hasSize(1);
        var device = body.get("devices").get(0);
        assertThat(device.get("deviceId").asString())
                .isEqualTo(household.device().deviceId());
        assertThat(device.get("today").get("amount").asLong()).isEqualTo(499);
        assertThat(device.get("thisMonth").get("amount").asLong()).isEqualTo(499);
        assertThat(device.get("dailyLimit").get("amount").asLong()).isEqualTo(2000);
        assertThat(device.get("monthlyLimit").get("amount").asLong()).isEqualTo(5000);

        // A cancelled order is not spending.
        var cancelled = api.post(
                "/api/v1/orders/" + placed.text("orderId") + "/cancel",
                household.account().token(),
                null);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/household/spending", household.account().token())
                        .body()
                        .get("total")
                        .get("amount")
                        .asLong())
                .isZero();

        var stranger = town.account("HOUSEHOLD");
        var theirs = api.get("/api/v1/household/spending", stranger.token()).body();
        assertThat(theirs.get("devices")).isEmpty();
        assertThat(theirs.get("total").get("amount").asLong()).isZero();
        assertThat(api.get("/api/v1/household/spending", shop.merchant().token())
                        .code())
                .isEqualTo("ROLE_REQUIRED");
        assertThat(api.get("/api/v1/household/spending", null).status()).isEqualTo(401);
    }

    @Test
    void theNoticeStreamDeliversTheCallersNewNoticesAndNoOneElses() throws Exception {
        var empty = town.shop(0); // offered, never in stock: every press is UNAVAILABLE
        var household = town.householdWithButton(empty);
        var neighbour = town.householdWithButton(empty);
        var events = stream(household.account().token(), null);
        assertThat(next(events, "ready")).isNotNull();

        assertThat(button(neighbour).press("main", "p-" + UUID.randomUUID()).text("result"))
                .isEqualTo("UNAVAILABLE");
        assertThat(button(household).press("main", "p-" + UUID.randomUUID()).text("result"))
                .isEqualTo("UNAVAILABLE");

        var notice = next(events, "notice");
        assertThat(notice).as("a notice within 20 s").isNotNull();
        assertThat(notice.data()).contains("PRESS_REFUSED", household.device().deviceId());
        assertThat(notice.data()).doesNotContain(neighbour.device().deviceId());
        assertThat(notice.id()).isNotBlank();
        // Nothing more: the neighbour's notice never reaches this stream.
        assertThat(next(events, "notice", Duration.ofSeconds(3))).isNull();

        // A client that reconnects with the last id it saw gets what came after, and only that.
        assertThat(button(household).press("main", "p-" + UUID.randomUUID()).text("result"))
                .isEqualTo("UNAVAILABLE");
        var again = stream(household.account().token(), notice.id());
        var after = next(again, "notice");
        assertThat(after).isNotNull();
        assertThat(Long.parseLong(after.id())).isGreaterThan(Long.parseLong(notice.id()));
    }

    @Test
    void aNoticeWrittenByAnotherNodeReachesTheStreamThroughTheDatabase() throws Exception {
        var household = town.account("HOUSEHOLD");
        var events = stream(household.token(), null);
        assertThat(next(events, "ready")).isNotNull();
        // Written straight into the shared database, as another node would: no event in this JVM.
        jdbc.sql("""
                        insert into notifications (id, account_id, kind, title, body, source, created_at)
                        values (:id, :account, 'DEVICE_SILENT', 'A device has gone quiet', 'written elsewhere',
                                :source, now())""")
                .param("id", "ntf_" + UUID.randomUUID())
                .param("account", household.accountId())
                .param("source", "test:" + UUID.randomUUID())
                .update();
        var notice = next(events, "notice");
        assertThat(notice).as("the notice within 20 s").isNotNull();
        assertThat(notice.data()).contains("written elsewhere");
    }

    @Test
    void theNoticeStreamNeedsAToken() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/notifications/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theIconAnswersWithoutSigningIn() throws Exception {
        var types = Map.of("/favicon.ico", "image/", "/favicon.svg", "image/svg+xml");
        for (var icon : types.entrySet()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(api.base() + icon.getKey()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(icon.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(icon.getKey())
                    .startsWith(icon.getValue());
            assertThat(response.body()).as(icon.getKey()).isNotEmpty();
        }
    }

    /** One server-sent event: its name, id and data. */
    record Event(String name, String id, String data) {}

    /** Opens the caller's stream; its events arrive on the queue as they come. */
    private BlockingQueue<Event> stream(String token, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var reader = new Thread(() -> read(response.body(), events), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static void read(Stream<String> lines, BlockingQueue<Event> events) {
        var name = new String[] {"message"};
        var id = new String[] {null};
        var data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name[0], id[0], data.toString()));
                }
                name[0] = "message";
                id[0] = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name[0] = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id[0] = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        });
    }

    private static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
        return next(events, name, Duration.ofSeconds(20));
    }

    private static Event next(BlockingQueue<Event> events, String name, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            var event = events.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    private static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }
}
