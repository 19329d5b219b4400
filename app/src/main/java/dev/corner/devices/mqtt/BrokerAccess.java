package dev.corner.devices.mqtt;

import dev.corner.devices.internal.DeviceAuthentication;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;

/**
 * Who may connect to the embedded broker and what each may do: only devices. A device connects with
 * its id as user name and its broker password, under a client id that contains its device id (so no
 * one can take over another's session), publishes only to its own requests topic and subscribes only
 * to its own replies topic. Corner itself takes the requests and gives the replies in process.
 */
final class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {

    private final DeviceAuthentication devices;

    BrokerAccess(DeviceAuthentication devices) {
        this.devices = devices;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (clientId == null || username == null || password == null) {
            return false;
        }
        // A device's client id names it ("dev_…", "device-dev_…", "dev_…-sub"): device ids are long
        // and random, so no device can take over the session of another by reusing its client id.
        return clientId.contains(username)
                && devices.brokerPasswordMatches(username, new String(password, StandardCharsets.UTF_8));
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        return user != null && topic.toString().equals(MqttTopics.requests(user));
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        return user != null && topic.toString().equals(MqttTopics.replies(user));
    }
}
