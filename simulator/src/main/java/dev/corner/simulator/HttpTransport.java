package dev.corner.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Device protocol v1 over HTTP: the signature in {@code X-Corner-*} headers, one keep-alive
 * connection. Not for use by several threads at once.
 */
public final class HttpTransport implements DeviceTransport {

    private final KeepAliveConnection connection;

    public HttpTransport(String baseUrl) {
        this.connection = new KeepAliveConnection(baseUrl);
    }

    @Override
    public DeviceReply exchange(DeviceCredentials.Signed request) {
        try {
            var answer = connection.send(
                    request.method(),
                    request.path(),
                    Map.of(
                            "X-Corner-Device", request.deviceId(),
                            "X-Corner-Timestamp", request.timestamp(),
                            "X-Corner-Nonce", request.nonce(),
                            "X-Corner-Signature", request.signature()),
                    request.body());
            return new DeviceReply(answer.status(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
