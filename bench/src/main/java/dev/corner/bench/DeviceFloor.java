package dev.corner.bench;

import dev.corner.simulator.DeviceCredentials;
import dev.corner.simulator.DeviceReply;
import dev.corner.simulator.HttpTransport;
import dev.corner.simulator.MqttTransport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor of each device transport on this machine: a signed {@code GET /device/v1/config} (the
 * signature, the nonce, the device, its slots and what each would order now: all of it work a press
 * does too), sent as fast as the answers come by the same clients the press benchmark uses, over
 * HTTP and over MQTT, with the machine's CPU time per request. A press over HTTP costs the machine
 * its own work plus a transport that costs no more than this whole request; whatever the transport,
 * the press's own work is left, and bounds how many presses any transport can carry.
 */
final class DeviceFloor {

    private static final String CONFIG = "/device/v1/config";

    private DeviceFloor() {}

    /** Over HTTP, {@code clients} threads, each with its own devices. */
    static MachineCpu.Measured overHttp(String base, List<DeviceCredentials> devices, int clients, int seconds)
            throws InterruptedException {
        var window = new Window(seconds);
        window.run(clients, first -> {
            try (var transport = new HttpTransport(base)) {
                for (int i = first; window.open(); i += clients) {
                    check(transport.exchange(config(devices.get(i % devices.size()))));
                    window.answered();
                }
            }
        });
        return report(window, "HTTP", clients + " clients", null);
    }

    /**
     * Requests per second over MQTT: every device on its own broker connection with one request in
     * flight, the next sent when its reply comes.
     */
    static MachineCpu.Measured overMqtt(String broker, List<DeviceCredentials> devices, int seconds)
            throws InterruptedException {
        var connected = new ArrayList<MqttTransport>();
        for (var device : devices) {
            connected.add(MqttTransport.connect(broker, device));
        }
        var window = new Window(seconds);
        var failure = new AtomicReference<RuntimeException>();
        var stopped = new CountDownLatch(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            ask(connected.get(i), devices.get(i), window, failure, stopped);
        }
        window.measureCpu();
        stopped.await();
        connected.forEach(MqttTransport::close);
        return report(window, "MQTT", devices.size() + " devices, one request in flight each", failure.get());
    }

    private static void ask(
            MqttTransport transport,
            DeviceCredentials device,
            Window window,
            AtomicReference<RuntimeException> failure,
            CountDownLatch stopped) {
        if (!window.open() || failure.get() != null) {
            stopped.countDown();
            return;
        }
        transport.send(config(device)).whenComplete((reply, error) -> {
            try {
                if (error != null) {
                    throw new IllegalStateException(error);
                }
                check(reply);
                window.answered();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
            ask(transport, device, window, failure, stopped);
        });
    }

    private static DeviceCredentials.Signed config(DeviceCredentials device) {
        return device.sign("GET", CONFIG, "", Instant.now().getEpochSecond());
    }

    private static void check(DeviceReply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + CONFIG + " answered " + reply.status() + " " + reply.body());
        }
    }

    private static MachineCpu.Measured report(Window window, String transport, String how, RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
        var measured = window.measured();
        System.out.printf(
                "device floor over %s (a signed GET %s; %s, %d s):"
                        + " %.0f requests/s, %.2f ms of the machine's CPU each%n",
                transport, CONFIG, how, window.seconds(), measured.rate(), measured.cpuMsPerRequest());
        return measured;
    }
}
