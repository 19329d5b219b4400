package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import dev.corner.TestClock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Step 4's refusals: each answers 401 and writes nothing, not even the nonce. */
@CornerTest
class DeviceAuthenticationTest {

    private static final String PRESS = "/device/v1/slots/main/press";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Neighbourhood.Household household;
    DeviceClient device;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        var town = new Neighbourhood(api);
        household = town.householdWithButton(town.shop(5));
        device = new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
    }

    private long written() {
        return jdbc.sql("""
                        select (select count(*) from orders where household_id = :h)
                             + (select count(*) from device_presses where device_id = :d)
                             + (select count(*) from device_nonces where device_id = :d)""")
                .param("h", household.account().accountId())
                .param("d", household.device().deviceId())
                .query(Long.class)
                .single();
    }

    private void assertRefused(Api.Response response, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(written()).isZero();
    }

    private static String body(String pressId) {
        return "{\"pressId\":\"" + pressId + "\",\"quantity\":1}";
    }

    @Test
    void aBadSignatureIsRefused() {
        var now = clock.instant().getEpochSecond();
        var otherSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertRefused(
                device.send("POST", PRESS, body("a"), now, DeviceClient.newNonce(), otherSecret), "BAD_SIGNATURE");
    }

    @Test
    void aWronglySignedPressIsRefusedAsWronglySignedWhateverItsBodyAndLeavesItsNonceUnused() {
        var now = clock.instant().getEpochSecond();
        var otherSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        var nonce = DeviceClient.newNonce();
        for (var wrongBody : java.util.List.of("not json", "{\"pressId\":\"too-many\",\"quantity\":11}", body("a"))) {
            assertRefused(device.send("POST", PRESS, wrongBody, now, nonce, otherSecret), "BAD_SIGNATURE");
        }

        // The nonce was not remembered for the forged presses: the device itself may still use it.
        var real = device.send(
                "POST", PRESS, body("a"), now, nonce, household.device().secret());
        assertThat(real.status()).as(real.raw()).isEqualTo(200);
        assertThat(real.text("result")).isEqualTo("ORDER_PLACED");

        // And a forged copy of a nonce the device used is still a wrong signature, not a replay.
        assertThat(device.send("POST", PRESS, body("b"), now, nonce, otherSecret)
                        .code())
                .isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        var now = Long.toString(clock.instant().getEpochSecond());
        var nonce = DeviceClient.newNonce();
        var signed = DeviceClient.signature(
                household.device().secret(),
                "POST",
                PRESS,
                now,
                nonce,
                body("a").getBytes());
        var tampered = api.sendRaw(
                "POST",
                PRESS,
                null,
                body("a-but-quantity-5").getBytes(),
                Map.of(
                        "X-Corner-Device", household.device().deviceId(),
                        "X-Corner-Timestamp", now,
                        "X-Corner-Nonce", nonce,
                        "X-Corner-Signature", signed));
        assertRefused(tampered, "BAD_SIGNATURE");
    }

    @Test
    void aTimestamp301SecondsOffIsRefusedEitherWay() {
        var now = clock.instant().getEpochSecond();
        clock.freezeAt(java.time.Instant.ofEpochSecond(now));
        try {
            var secret = household.device().secret();
            assertRefused(
                    device.send("POST", PRESS, body("a"), now - 301, DeviceClient.newNonce(), secret),
                    "STALE_TIMESTAMP");
            assertRefused(
                    device.send("POST", PRESS, body("a"), now + 301, DeviceClient.newNonce(), secret),
                    "STALE_TIMESTAMP");
            assertThat(device.send("POST", PRESS, body("b"), now - 300, DeviceClient.newNonce(), secret)
                            .status())
                    .isEqualTo(200);
            assertThat(device.send("POST", PRESS, body("c"), now + 300, DeviceClient.newNonce(), secret)
                            .status())
                    .isEqualTo(200);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aReusedNonceIsRefused() {
        var now = clock.instant().getEpochSecond();
        var nonce = DeviceClient.newNonce();
        var first = device.send(
                "POST", PRESS, body("first"), now, nonce, household.device().secret());
        assertThat(first.status()).isEqualTo(200);
        long before = written();

        var replay = device.send(
                "POST", PRESS, body("second"), now, nonce, household.device().secret());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("NONCE_REUSED");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void aNonceSentManyTimesAtOnceIsAcceptedOnce() throws Exception {
        var now = clock.instant().getEpochSecond();
        var nonce = DeviceClient.newNonce();
        var secret = household.device().secret();
        int copies = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < copies; i++) {
                var pressId = "at-once-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return device.send("POST", PRESS, body(pressId), now, nonce, secret);
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() != 200) {
                    assertThat(response.code()).as(response.raw()).isEqualTo("NONCE_REUSED");
                }
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from device_presses where device_id = :d")
                        .param("d", household.device().deviceId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from orders where household_id = :h")
                        .param("h", household.account().accountId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPressRefusedAfterAuthenticationUsesUpItsNonce() {
        var now = clock.instant().getEpochSecond();
        var secret = household.device().secret();
        for (var refusedBody : java.util.List.of(
                "{\"pressId\":\"too-many\",\"quantity\":11}", "{\"pressId\":\"bad id!\"}", "not json")) {
            var nonce = DeviceClient.newNonce();
            var refused = device.send("POST", PRESS, refusedBody, now, nonce, secret);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            long before = written();

            var sameAgain = device.send("POST", PRESS, refusedBody, now, nonce, secret);
            var replay = device.send("POST", PRESS, body("fine"), now, nonce, secret);

            assertRefusedAfter(sameAgain, before);
            assertRefusedAfter(replay, before);
        }
        assertThat(device.press("main", "fine").text("result")).isEqualTo("ORDER_PLACED");
    }

    private void assertRefusedAfter(Api.Response response, long writtenBefore) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("NONCE_REUSED");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(written()).isEqualTo(writtenBefore);
    }

    @Test
    void aShortNonceIsRefused() {
        var now = clock.instant().getEpochSecond();
        assertRefused(
                device.send(
                        "POST",
                        PRESS,
                        body("a"),
                        now,
                        "short",
                        household.device().secret()),
                "BAD_NONCE");
    }

    @Test
    void anUnknownDeviceIsRefused() {
        var stranger =
                new DeviceClient(api, "dev_doesnotexist", household.device().secret(), clock);
        var refused = stranger.press("main", "a");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNKNOWN_DEVICE");
        assertThat(written()).isZero();
    }

    @Test
    void missingHeadersAreRefused() {
        var bare = api.post(PRESS, null, body("a"));
        assertRefused(bare, "MISSING_SIGNATURE");
    }

    @Test
    void aRevokedDeviceIsRefusedAtItsNextRequest() {
        assertThat(device.press("main", "before").text("result")).isEqualTo("ORDER_PLACED");
        var revoked = api.delete(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token());
        assertThat(revoked.status()).isEqualTo(204);
        long before = written();

        var after = device.press("main", "after");
        var noSuchSlot = device.press("nosuchslot", "after");
        var beat = device.post("/device/v1/heartbeat", "{\"battery\":50}");

        // This node knows the device's secret from the press before: revocation is checked all the same.
        for (var refused : java.util.List.of(after, noSuchSlot, beat)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNKNOWN_DEVICE");
        }
        assertThat(written()).isEqualTo(before);
        assertThat(api.get(
                                "/api/v1/devices/" + household.device().deviceId(),
                                household.account().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void heartbeatAndConfigAreSignedToo() {
        var beat = device.post("/device/v1/heartbeat", "{\"firmware\":\"1.2.0\",\"battery\":87}");
        assertThat(beat.status()).isEqualTo(200);
        var mine = api.get(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token());
        assertThat(mine.text("firmware")).isEqualTo("1.2.0");
        assertThat(mine.body().get("battery").asInt()).isEqualTo(87);

        var config = device.send(
                "GET",
                "/device/v1/config",
                "",
                clock.instant().getEpochSecond(),
                DeviceClient.newNonce(),
                household.device().secret());
        assertThat(config.status()).as(config.raw()).isEqualTo(200);
        var slot = config.body().get("slots").get(0);
        assertThat(slot.get("configured").asBoolean()).isTrue();
        assertThat(slot.get("price").get("amount").asLong()).isEqualTo(499);
    }
}
