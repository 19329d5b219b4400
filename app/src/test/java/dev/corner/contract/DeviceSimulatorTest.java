package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.devices.mqtt.EmbeddedBroker;
import dev.corner.simulator.DeviceSimulator;
import dev.corner.simulator.SimulatedDevice;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device simulator (module {@code simulator}) against a running Corner, over HTTP. */
@CornerTest
class DeviceSimulatorTest extends ContractTest {

    @Autowired
    EmbeddedBroker broker;

    private SimulatedDevice simulated(String deviceId, String secret) {
        return SimulatedDevice.http(URI.create("http://localhost:" + port), deviceId, secret)
                .withClock(clock);
    }

    @Test
    void aSimulatedButtonSpeaksEveryPartOfTheProtocol() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        try (var button =
                simulated(household.device().deviceId(), household.device().secret())) {
            assertThat(button.heartbeat("sim-1.0", 88).status()).isEqualTo(200);
            assertThat(button.config().body()).contains(shop.productId());

            var press = button.press("main", "sim-press-1", 1);
            var again = button.press("main", "sim-press-1", 1);

            assertThat(press.result()).as(press.body()).isEqualTo("ORDER_PLACED");
            assertThat(again.field("orderId")).isEqualTo(press.field("orderId"));
            assertThat(town.level(shop).reserved()).isEqualTo(1);
            var status = button.status("main", 0.5, 1, "pack", clock.instant().truncatedTo(ChronoUnit.SECONDS));
            assertThat(status.status()).as(status.body()).isEqualTo(200);
        }
    }

    @Test
    void aSimulatedButtonPressesOverMqttAsOverHttp() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        try (var button = SimulatedDevice.mqtt(
                        "tcp://127.0.0.1:" + broker.port(),
                        household.device().deviceId(),
                        household.device().secret())
                .withClock(clock)) {
            var press = button.press("main", "mqtt-press-1", 1);
            var overHttp = simulated(
                            household.device().deviceId(), household.device().secret())
                    .press("main", "mqtt-press-1", 1);

            assertThat(press.status()).isEqualTo(200);
            assertThat(press.result()).as(press.body()).isEqualTo("ORDER_PLACED");
            assertThat(overHttp.field("orderId")).isEqualTo(press.field("orderId"));
            assertThat(button.heartbeat("sim-1.0", 70).status()).isEqualTo(200);
            assertThat(town.level(shop).reserved()).isEqualTo(1);
        }
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        var wrongSecret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        try (var forged = simulated(household.device().deviceId(), wrongSecret)) {
            var press = forged.press("main", "forged-1", 1);

            assertThat(press.status()).isEqualTo(401);
            assertThat(press.result()).isEqualTo("BAD_SIGNATURE");
            assertThat(town.level(shop).reserved()).isZero();
        }
    }

    @Test
    void theCommandLineProvisionsClaimsBindsAndPlaysDevices() throws Exception {
        clock.reset();
        var shop = town.shop(50);
        var gtin = api.get(
                        "/api/v1/products/" + shop.productId(), shop.merchant().token())
                .text("gtin");
        var maker = town.account("MAKER");
        var household = town.account("HOUSEHOLD");

        Map<String, Long> results = DeviceSimulator.play(
                "--url", "http://localhost:" + port,
                "--maker", maker.email(),
                "--household", household.email(),
                "--password", "password-1234",
                "--buttons", "2",
                "--appliances", "1",
                "--gtin", gtin,
                "--near", "52.505,13.41",
                // Presses come at random, on average every second: a button silent for 10 s is
                // one run in 22,000 (e^-10), where 4 s let one in 55 fail.
                "--seconds", "10",
                "--press-every", "1",
                "--report-every", "1");

        // Each button orders once, then hears ORDER_IN_PROGRESS; the appliance may order too.
        assertThat(results.get("ORDER_PLACED")).as(results.toString()).isBetween(2L, 3L);
        assertThat(results.get("ORDER_IN_PROGRESS")).as(results.toString()).isPositive();
        var devices = api.get("/api/v1/devices", household.token()).body().get("devices");
        assertThat(devices.size()).isEqualTo(3);
        var orders = api.get("/api/v1/orders", household.token()).body().get("orders");
        assertThat((long) orders.size()).isEqualTo(results.get("ORDER_PLACED"));
        assertThat(orders.get(0).get("storeId").asString()).isEqualTo(shop.storeId());
        assertThat(results.keySet()).doesNotContain("BAD_SIGNATURE", "STALE_TIMESTAMP", "NONCE_REUSED");
    }

    @Test
    void theCommandLineNamesABadOption() {
        assertThatThrownBy(() -> DeviceSimulator.play("--buttons", "many"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceSimulator.play("--colour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--colour");
    }
}
