package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.MqttDevice;
import dev.corner.Neighbourhood;
import dev.corner.devices.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Device protocol v1 over MQTT through the embedded broker: the same answers as over HTTP. */
@CornerTest
@Timeout(120)
class MqttDeviceProtocolTest extends ContractTest {

    private static final String PRESS = "/device/v1/slots/main/press";

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    JdbcClient jdbc;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void disconnect() throws Exception {
        for (var device : open) {
            device.close();
        }
    }

    private MqttDevice connect(Neighbourhood.Household household) {
        var device = MqttDevice.connect(
                broker.port(), household.device().deviceId(), household.device().secret(), clock);
        open.add(device);
        return device;
    }

    private int ordersOf(Neighbourhood.Household household) {
        return api.get("/api/v1/orders", household.account().token())
                .body()
                .get("orders")
                .size();
    }

    @Test
    void theHealthEndpointShowsTheConnectionToTheBrokerUpWithoutSayingWhereItIs() {
        var health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("components").get("mqtt").get("status").asString())
                .as(health.raw())
                .isEqualTo("UP");
        assertThat(health.raw()).doesNotContain("broker", "subscription");
    }

    @Test
    void cornerTakesTheRequestsFromItsEmbeddedBrokerInProcessWithNoConnectionOfItsOwn() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        var device = connect(household);

        assertThat(device.press("main", "mqtt-in-process").status()).isEqualTo(200);
        // Other tests' devices may still be connected; no one else may be.
        assertThat(broker.connectedClients())
                .contains(household.device().deviceId())
                .allMatch(client -> client.startsWith("dev_"), "a device's client id");
    }

    @Test
    void aPressOverMqttPlacesAnOrderThatTheApiShows() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);

        var reply = connect(household).press("main", "mqtt-press-1");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(reply.text("orderId")).isNotBlank();
        assertThat(reply.body().get("price").get("amount").asLong()).isEqualTo(499);
        var order = api.get(
                "/api/v1/orders/" + reply.text("orderId"), household.account().token());
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.text("status")).isEqualTo("PLACED");
        assertThat(order.text("storeId")).isEqualTo(shop.storeId());
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void theSamePressIdWithANewNonceGetsTheSameAnswerOverEitherTransportAndOneOrder() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        var device = connect(household);

        var first = device.press("main", "mqtt-retry");
        var again = device.press("main", "mqtt-retry");
        var overHttp = new DeviceClient(
                        api, household.device().deviceId(), household.device().secret(), clock)
                .press("main", "mqtt-retry");

        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(overHttp.body()).isEqualTo(first.body());
        assertThat(ordersOf(household)).isEqualTo(1);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsDone() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        var nonce = DeviceClient.newNonce();
        var otherSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);

        device.publish(MqttDevice.envelope(
                otherSecret,
                "POST",
                PRESS,
                "{\"pressId\":\"forged\",\"quantity\":1}",
                clock.instant().getEpochSecond(),
                nonce));
        var reply = device.awaitReply(nonce, Duration.ofSeconds(15));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
        assertThat(reply.text("code")).isEqualTo("BAD_SIGNATURE");
        assertThat(ordersOf(household)).isZero();
        assertThat(jdbc.sql("select count(*) from device_nonces where device_id = :d")
                        .param("d", household.device().deviceId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStaleTimestampIsRefusedWith401() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        var nonce = DeviceClient.newNonce();

        device.publish(MqttDevice.envelope(
                household.device().secret(),
                "POST",
                PRESS,
                "{\"pressId\":\"late\",\"quantity\":1}",
                clock.instant().getEpochSecond() - 301,
                nonce));

        var reply = device.awaitReply(nonce, Duration.ofSeconds(15));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("code")).isEqualTo("STALE_TIMESTAMP");
        assertThat(ordersOf(household)).isZero();
    }

    @Test
    void aRedeliveredRequestIsDroppedWithoutAReply() throws Exception {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        var nonce = DeviceClient.newNonce();
        var press = device.envelope("POST", PRESS, "{\"pressId\":\"twice\",\"quantity\":1}", nonce);

        device.publish(press);
        var first = device.awaitReply(nonce, Duration.ofSeconds(15));
        device.publish(press);
        var heartbeat = device.request("POST", "/device/v1/heartbeat", "{\"firmware\":\"1.0\",\"battery\":80}");

        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(heartbeat.status()).isEqualTo(200);
        assertThat(device.repliesWithin(Duration.ofMillis(700)))
                .as("no second answer to the same nonce")
                .isEmpty();
        assertThat(ordersOf(household)).isEqualTo(1);
    }

    @Test
    void copiesOfAPressDeliveredAtOnceAreAnsweredOnce() throws Exception {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        var nonce = DeviceClient.newNonce();
        var press = device.envelope("POST", PRESS, "{\"pressId\":\"copies\",\"quantity\":1}", nonce);

        for (int i = 0; i < 6; i++) {
            device.publish(press);
        }
        var first = device.awaitReply(nonce, Duration.ofSeconds(15));

        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(device.repliesWithin(Duration.ofMillis(1500)))
                .as("no second answer to the same nonce")
                .isEmpty();
        assertThat(ordersOf(household)).isEqualTo(1);
    }

    @Test
    void aRefusedPressRedeliveredIsNotAnsweredAgain() throws Exception {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        for (var body : java.util.List.of("{\"pressId\":\"too-many\",\"quantity\":11}", "not json")) {
            var nonce = DeviceClient.newNonce();
            var press = device.envelope("POST", PRESS, body, nonce);

            device.publish(press);
            var first = device.awaitReply(nonce, Duration.ofSeconds(15));
            device.publish(press);

            assertThat(first.status()).as(first.raw()).isEqualTo(400);
            assertThat(device.repliesWithin(Duration.ofMillis(700)))
                    .as("no second answer to the same nonce")
                    .isEmpty();
        }
        assertThat(ordersOf(household)).isZero();
    }

    @Test
    void configAndHeartbeatAnswerAsOverHttp() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);

        var config = device.request("GET", "/device/v1/config", "");
        var heartbeat = device.request("POST", "/device/v1/heartbeat", "{\"firmware\":\"2.1\",\"battery\":55}");

        assertThat(config.status()).as(config.raw()).isEqualTo(200);
        assertThat(config.text("deviceId")).isEqualTo(household.device().deviceId());
        assertThat(config.body().get("slots").get(0).get("slotId").asString()).isEqualTo("main");
        assertThat(heartbeat.text("result")).isEqualTo("OK");
        var listed = api.get("/api/v1/devices", household.account().token()).raw();
        assertThat(listed).contains("2.1");
    }

    @Test
    void refusalsAfterAuthenticationCarryTheHttpCodes() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);

        var unknownPath = device.request("POST", "/device/v1/nowhere", "{}");
        var badBody = device.request("POST", PRESS, "{\"pressId\":");
        var badQuantity = device.request("POST", PRESS, "{\"pressId\":\"q\",\"quantity\":11}");
        var unknownSlot = device.request("POST", "/device/v1/slots/side/press", "{\"pressId\":\"s\"}");
        var wrongMethod = device.request("GET", PRESS, "");

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.text("code")).isEqualTo("NOT_FOUND");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.text("code")).isEqualTo("MALFORMED_BODY");
        assertThat(badQuantity.status()).isEqualTo(400);
        assertThat(badQuantity.text("code")).isEqualTo("INVALID_QUANTITY");
        assertThat(unknownSlot.status()).isEqualTo(404);
        assertThat(unknownSlot.text("code")).isEqualTo("SLOT_NOT_FOUND");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(ordersOf(household)).isZero();

        // Each answers as over HTTP: the same status and problem document (but the nonce the MQTT reply names).
        var http = new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
        for (var request : List.of(
                List.of("POST", "/device/v1/nowhere", "{}"),
                List.of("POST", PRESS, "{\"pressId\":"),
                List.of("POST", PRESS, "{\"pressId\":\"q\",\"quantity\":11}"),
                List.of("POST", "/device/v1/slots/side/press", "{\"pressId\":\"s\"}"),
                List.of("GET", PRESS, ""))) {
            var overMqtt = device.request(request.get(0), request.get(1), request.get(2));
            var overHttp = http.send(
                    request.get(0),
                    request.get(1),
                    request.get(2),
                    clock.instant().getEpochSecond(),
                    DeviceClient.newNonce(),
                    household.device().secret());
            assertThat(overMqtt.status()).as(request.toString()).isEqualTo(overHttp.status());
            for (var member : List.of("type", "title", "status", "detail", "instance", "code")) {
                assertThat(String.valueOf(overMqtt.body().get(member)))
                        .as(request + " " + member + ": " + overHttp.raw())
                        .isEqualTo(String.valueOf(overHttp.body().get(member)));
            }
        }
    }

    @Test
    void aRevokedDeviceStillConnectedIsRefused401AndItsPressDoesNothing() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);
        assertThat(device.press("main", "before-revoke").text("result")).isEqualTo("ORDER_PLACED");
        var revoked = api.delete(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token());
        assertThat(revoked.status()).isEqualTo(204);
        long noncesBefore = noncesOf(household);

        var press = device.press("main", "after-revoke");

        assertThat(press.status()).as(press.raw()).isEqualTo(401);
        assertThat(press.text("code")).isEqualTo("UNKNOWN_DEVICE");
        assertThat(ordersOf(household)).isEqualTo(1);
        assertThat(noncesOf(household)).isEqualTo(noncesBefore);
    }

    private long noncesOf(Neighbourhood.Household household) {
        return jdbc.sql("select count(*) from device_nonces where device_id = :d")
                .param("d", household.device().deviceId())
                .query(Long.class)
                .single();
    }

    @Test
    void anUnreadablePayloadIsAnswered400WithoutANonce() {
        var household = town.householdWithButton(town.shop(3));
        var device = connect(household);

        device.publish("this is not json");
        var reply = device.awaitReply(null, Duration.ofSeconds(15));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("code")).isEqualTo("MALFORMED_ENVELOPE");
        assertThat(reply.raw()).contains("\"nonce\":null");
    }

    @Test
    void aDeviceCanNeitherReadAnotherDevicesRepliesNorConnectWithoutItsPassword() throws Exception {
        var shop = town.shop(3);
        var victim = town.householdWithButton(shop);
        var snoop = town.householdWithButton(shop);
        var victimDevice = connect(victim);
        var snoopDevice = connect(snoop);
        var overheard = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var spy = MqttDevice.client(
                broker.port(),
                snoop.device().deviceId() + "-spy",
                snoop.device().deviceId(),
                MqttDevice.brokerPassword(
                        snoop.device().secret(), snoop.device().deviceId()));
        spy.connect();
        open.add(spy::disconnect);

        var subAck = spy.toAsync()
                .subscribeWith()
                .topicFilter("corner/v1/devices/" + victim.device().deviceId() + "/replies")
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> overheard.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                .send()
                .handle((ack, failure) ->
                        failure == null ? ack.getReturnCodes() : List.of(Mqtt3SubAckReturnCode.FAILURE))
                .join();
        // A forged request in the victim's name lands nowhere either.
        snoopDevice.publishUnacknowledged(
                "corner/v1/devices/" + victim.device().deviceId() + "/requests",
                snoopDevice.envelope("POST", PRESS, "{\"pressId\":\"forged\"}", DeviceClient.newNonce()));
        var pressed = victimDevice.press("main", "private");

        assertThat(subAck).containsOnly(Mqtt3SubAckReturnCode.FAILURE);
        assertThat(pressed.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(victimDevice.repliesWithin(Duration.ofMillis(500))).isEmpty();
        assertThat(overheard).isEmpty();
        assertThat(ordersOf(victim)).isEqualTo(1);
        assertThatThrownBy(() -> MqttDevice.client(
                                broker.port(),
                                victim.device().deviceId(),
                                victim.device().deviceId(),
                                MqttDevice.brokerPassword(
                                        snoop.device().secret(), victim.device().deviceId()))
                        .connect())
                .as("a device connecting with someone else's password")
                .isNotNull();
        assertThatThrownBy(() -> MqttDevice.client(
                                broker.port(),
                                victim.device().deviceId(),
                                snoop.device().deviceId(),
                                MqttDevice.brokerPassword(
                                        snoop.device().secret(), snoop.device().deviceId()))
                        .connect())
                .as("a device taking another device's client id")
                .isNotNull();
    }
}
