package dev.corner.devices.mqtt;

import dev.corner.common.Digests;
import dev.corner.devices.internal.DeviceAuthentication;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may connect to the embedded broker and what each may do. A device connects with its id as
 * user name and its broker password, under a client id that contains its device id (so no one can
 * take over another's session), publishes only to its own
 * requests topic and subscribes only to its own replies topic. Corner's own connection uses a user
 * name no device id can have and a password made at start, kept in memory only.
 */
final class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {

    /** No device id contains '$', so no device can pass for Corner. */
    static final String SERVICE_USER = "$corner";

    static final String SERVICE_CLIENT_PREFIX = "corner-";

    private final DeviceAuthentication devices;
    private final String servicePassword;

    BrokerAccess(DeviceAuthentication devices) {
        this.devices = devices;
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.servicePassword = Base64.getEncoder().encodeToString(bytes);
    }

    String servicePassword() {
        return servicePassword;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (clientId == null || username == null || password == null) {
            return false;
        }
        var presented = new String(password, StandardCharsets.UTF_8);
        if (SERVICE_USER.equals(username)) {
            return clientId.startsWith(SERVICE_CLIENT_PREFIX) && Digests.same(servicePassword, presented);
        }
        // A device's client id names it ("dev_…", "device-dev_…", "dev_…-sub"): device ids are long
        // and random, so no device can take over the session of another by reusing its client id.
        return clientId.contains(username)
                && !clientId.startsWith(SERVICE_CLIENT_PREFIX)
                && devices.brokerPasswordMatches(username, presented);
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        if (SERVICE_USER.equals(user)) {
            return MqttTopics.isRepliesTopic(topic.toString());
        }
        return user != null && topic.toString().equals(MqttTopics.requests(user));
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        if (SERVICE_USER.equals(user)) {
            return topic.toString().equals(MqttTopics.ALL_REQUESTS);
        }
        return user != null && topic.toString().equals(MqttTopics.replies(user));
    }
}
