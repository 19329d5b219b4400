package dev.corner.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulator signs as the protocol document says; vectors computed apart with Python's hmac. */
class DeviceSigningTest {

    private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void signs_the_canonical_request_as_the_protocol_document_says() {
        var device = new DeviceCredentials("dev-1", SECRET);

        var signature = device.signature(
                "POST",
                "/device/v1/slots/main/press",
                "1763900000",
                "0123456789abcdef0123",
                "{\"pressId\":\"p-1\",\"quantity\":1}");

        assertThat(signature).isEqualTo("f0ZhHoKZYso6vxKPwIWitNlbZciK4nyk52aku9MTuPI=");
        assertThat(device.mqttPassword()).isEqualTo("wNnEy9YP7epkxUo0WkXu+BZ7h/DT1Mkmjqn5wsWO/0I=");
    }

    @Test
    void every_signed_request_has_a_new_nonce_and_keeps_the_body_it_signed() {
        var device = new DeviceCredentials("dev-1", SECRET);

        var first = device.sign("POST", "/device/v1/heartbeat", "{\"battery\":90}", 1763900000);
        var second = device.sign("POST", "/device/v1/heartbeat", "{\"battery\":90}", 1763900000);

        assertThat(first.nonce()).hasSize(32).isNotEqualTo(second.nonce());
        assertThat(first.signature())
                .isEqualTo(device.signature(
                        "POST", "/device/v1/heartbeat", "1763900000", first.nonce(), "{\"battery\":90}"));
        assertThat(device.toString()).doesNotContain(SECRET);
    }

    @Test
    void a_secret_that_is_not_base64_is_refused_at_once() {
        assertThatThrownBy(() -> new DeviceCredentials("dev-1", "not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_mqtt_envelope_carries_the_signed_body_as_a_string() {
        var request = new DeviceCredentials.Signed(
                "dev-1",
                "POST",
                "/device/v1/slots/main/press",
                "1763900000",
                "n".repeat(16),
                "sig",
                "{\"pressId\":\"a\\\"b\"}");

        var envelope = MqttTransport.envelope(request);

        assertThat(Json.stringField(envelope, "body")).isEqualTo(request.body());
        assertThat(Json.stringField(envelope, "path")).isEqualTo("/device/v1/slots/main/press");
        assertThat(Json.stringField(envelope, "signature")).isEqualTo("sig");
    }

    @Test
    void reads_a_reply_field_by_field_whatever_nests_inside() {
        var reply = "{\"nonce\":\"abc\",\"status\":200,\"body\":{\"result\":\"ORDER_PLACED\",\"price\":{\"amount\":129,"
                + "\"currency\":\"EUR\"},\"note\":\"a } in \\\"text\\\"\"}}";

        assertThat(Json.stringField(reply, "nonce")).isEqualTo("abc");
        assertThat(Json.rawValue(reply, "status")).isEqualTo("200");
        var body = Json.rawValue(reply, "body");
        assertThat(body).startsWith("{\"result\"").endsWith("\"}");
        assertThat(Json.rawValue(reply, "result"))
                .as("nested fields are not top level")
                .isNull();
        var answer = new DeviceReply(200, body);
        assertThat(answer.result()).isEqualTo("ORDER_PLACED");
        assertThat(answer.field("amount")).isEqualTo("129");
        assertThat(answer.find("orderId")).isEmpty();
    }
}
