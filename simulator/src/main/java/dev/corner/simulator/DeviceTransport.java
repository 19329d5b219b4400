package dev.corner.simulator;

/** Carries a signed device request to Corner and brings back its answer. */
public interface DeviceTransport extends AutoCloseable {

    DeviceReply exchange(DeviceCredentials.Signed request);

    @Override
    void close();
}
