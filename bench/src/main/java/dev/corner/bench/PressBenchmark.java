package dev.corner.bench;

import dev.corner.simulator.DeviceCredentials;
import dev.corner.simulator.DeviceReply;
import dev.corner.simulator.Fleet;
import dev.corner.simulator.HttpTransport;
import dev.corner.simulator.JsonClient;
import dev.corner.simulator.MqttTransport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Button presses from many distinct devices, signed, each press placing an order for one unit at
 * one store with plenty of stock:
 *
 * <ol>
 *   <li>a warm-up of {@code warmUpSeconds} (default 120) over HTTP and, with a broker, over MQTT, so
 *       that both paths are compiled: a quarter as many buttons as there are measured presses,
 *       pressed round after round, their orders cancelled after each round;
 *   <li>peak over HTTP: {@code clients} threads press as fast as answers come;
 *   <li>half that rate over HTTP, paced (open loop: latency counts from when a press was due);
 *   <li>peak over MQTT, each device on its own broker connection, at most {@code 4 × clients}
 *       presses in flight;
 *   <li>the floors ({@link HttpFloor}, {@link DeviceFloor} over HTTP and MQTT) and the rows every
 *       press writes, written by pgbench ({@link PressWrites}), each with the machine's CPU time per
 *       request: the ceilings of this machine for the targets;
 *   <li>pgbench's tpcb-like transaction on the same PostgreSQL, the ceiling to compare with.
 * </ol>
 *
 * Afterwards the store's orders are counted in the database: they must equal the number of {@code
 * ORDER_PLACED} answers. Usage: {@code java -cp bench/target/corner-bench.jar
 * dev.corner.bench.PressBenchmark [baseUrl] [dataDir] [clients] [presses] [mqttBroker|none]
 * [warmUpSeconds]}, defaults {@code http://localhost:8080 ./data 16 8000 tcp://localhost:1883 120}.
 * Before each phase PostgreSQL makes a checkpoint and the machine is let go quiet ({@link
 * MachineCpu#settle}).
 */
public final class PressBenchmark {

    /** Slots per device: each is bound on its own, so a device places up to this many orders. */
    private static final List<String> SLOTS = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");

    /**
     * A slot of a device, and its household's token. A measured press is a button's first: each can
     * place an order.
     */
    record Button(DeviceCredentials device, String slotId, String household) {}

    /** An order a warm-up press placed, to cancel so that its button can place another. */
    private record Placed(String orderId, String household) {}

    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    /** Where warm-up presses leave the orders they placed; null while measuring. */
    private volatile Queue<Placed> toCancel;

    public static void main(String[] args) throws Exception {
        var base = args.length > 0 ? args[0] : "http://localhost:8080";
        var dataDir = Path.of(args.length > 1 ? args[1] : "./data");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int presses = args.length > 3 ? Integer.parseInt(args[3]) : 8000;
        if (presses < 4) {
            throw new IllegalArgumentException("at least 4 presses: a quarter of them warm up, over and over");
        }
        var broker = args.length > 4 ? args[4] : "tcp://localhost:1883";
        int warmUpSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 120;
        new PressBenchmark().run(base, dataDir, clients, presses, broker.equals("none") ? null : broker, warmUpSeconds);
        // The MQTT client's event loop threads would keep the JVM alive.
        System.exit(0);
    }

    private void run(String base, Path dataDir, int clients, int presses, String broker, int warmUpSeconds)
            throws Exception {
        var api = JsonClient.to(base);
        int warmUp = presses / 4;
        int total = warmUp + presses + presses / 2 + (broker == null ? 0 : presses);
        int deviceCount = (total + SLOTS.size() - 1) / SLOTS.size();
        System.out.printf(
                "setting up one store and %d devices of %d slots in households of 4…%n", deviceCount, SLOTS.size());
        var shop = BenchStore.open(api, "Press store");
        var store = shop.storeId();
        var product = shop.stocked("Press item", 100, total * 2L);
        var binding = Fleet.binding(List.of(product), "PREFERRED", List.of(store), 100, "EUR");
        var buttons = provision(api, deviceCount, binding, SLOTS);
        // The floors' signed config request answers every slot of its device: they use buttons of one slot.
        var floorDevices = provision(api, clients * 4, binding, List.of("main")).stream()
                .map(Button::device)
                .toList();

        warmUp(api, base, broker, List.copyOf(take(buttons, warmUp)), clients, warmUpSeconds);

        var pgbench = Pgbench.on(dataDir);
        settle(pgbench);
        var before = databaseWork(pgbench);
        System.out.printf("measuring the HTTP peak: %d presses…%n", presses);
        var peak = closedLoop(base, take(buttons, presses), clients);
        var after = databaseWork(pgbench);
        report("HTTP peak", peak, clients + " clients");
        System.out.printf(
                "  per press: %.1f commits, %.0f bytes of WAL; CPU: %s%n",
                (after[0] - before[0]) / (double) presses,
                (after[1] - before[1]) / (double) presses,
                peak.cpu().perRequest(peak.count()));
        double half = peak.rate() / 2;
        settle(pgbench);
        var paced = paced(base, take(buttons, presses / 2), clients * 2, half);
        report("HTTP at half the peak rate", paced, String.format("%.0f/s paced", half));

        Result mqtt = null;
        if (broker != null) {
            settle(pgbench);
            mqtt = overMqtt(broker, take(buttons, presses), clients * 4);
            report("MQTT peak", mqtt, (clients * 4) + " in flight");
            System.out.printf("  per press: CPU: %s%n", mqtt.cpu().perRequest(mqtt.count()));
        }
        settle(pgbench);
        var httpFloor = HttpFloor.measure(base, api.account("HOUSEHOLD"), clients, 10);
        settle(pgbench);
        var deviceFloor = DeviceFloor.overHttp(base, floorDevices, clients, 10);
        settle(pgbench);
        var mqttFloor = broker == null ? null : DeviceFloor.overMqtt(broker, floorDevices, 10);
        settle(pgbench);
        var rows = PressWrites.measure(pgbench, store, product, clients);

        long orders = Long.parseLong(pgbench.psql(
                "postgres", "select count(*) from orders where store_id = '" + store.replace("'", "") + "'"));
        settle(pgbench);
        var tpcbRun = pgbench.tpcbLike(clients, 15);
        double tpcb = tpcbRun.rate();
        System.out.printf(
                "pgbench tpcb-like (%d clients, 15 s, scale 1): %.0f tps, %.2f ms of the machine's CPU each%n",
                clients, tpcb, tpcbRun.cpuMsPerRequest());

        System.out.printf(
                "PRESSES-HTTP presses=%.0f/s pgbench-tpcb-like=%.0f tps ratio=%.2f target>=1.00 %s%n",
                peak.rate(), tpcb, peak.rate() / tpcb, peak.rate() >= tpcb ? "MET" : "NOT MET");
        // However a press is designed, it is at least an authenticated request and the rows it must
        // write, written the cheapest way; the machine has this many CPU seconds a second for them.
        double leastCpu = httpFloor.cpuMsPerRequest() + rows.eightPerStatement().cpuMsPerRequest();
        double atBest = MachineCpu.cores() * 1000 / leastCpu;
        System.out.printf(
                "PRESSES-HTTP-CEILING http-floor=%.2f ms press-rows-eight-per-statement=%.2f ms"
                        + " presses-at-best=%.0f/s (a press now: %.2f ms) target=%.0f/s %s%n",
                httpFloor.cpuMsPerRequest(),
                rows.eightPerStatement().cpuMsPerRequest(),
                atBest,
                peak.cpuMs(),
                tpcb,
                atBest >= tpcb ? "WITHIN THIS MACHINE" : "BEYOND THIS MACHINE");
        System.out.printf(
                "PRESSES-HTTP-HALF-PEAK rate=%.0f/s p50=%.1f ms p99=%.1f ms target p99<=50 ms %s%n",
                paced.rate(), paced.p50(), paced.p99(), paced.p99() <= 50 ? "MET" : "NOT MET");
        if (mqtt != null) {
            System.out.printf(
                    "PRESSES-MQTT presses=%.0f/s http=%.0f/s ratio=%.2f target>=2.00 %s%n",
                    mqtt.rate(),
                    peak.rate(),
                    mqtt.rate() / peak.rate(),
                    mqtt.rate() >= 2 * peak.rate() ? "MET" : "NOT MET");
            // However cheap a transport, a press still does its own work: what a press costs the
            // machine, less the whole of a signed config request (part of a press's work) over the
            // same transport. Each transport gives an estimate; the smaller one holds even if
            // something else ran during one of the phases. Presses answered in batches can cost less
            // than a lone config request: then this bounds nothing (any-transport is infinite).
            double ownWork =
                    Math.min(peak.cpuMs() - deviceFloor.cpuMsPerRequest(), mqtt.cpuMs() - mqttFloor.cpuMsPerRequest());
            double anyTransport = ownWork <= 0 ? Double.POSITIVE_INFINITY : MachineCpu.cores() * 1000 / ownWork;
            System.out.printf(
                    "PRESSES-MQTT-CEILING http-press=%.2f ms signed-config-http=%.2f ms (%.0f/s) mqtt-press=%.2f ms"
                            + " signed-config-mqtt=%.2f ms (%.0f/s) press-own-work>=%.2f ms any-transport<=%.0f/s"
                            + " target=%.0f/s %s%n",
                    peak.cpuMs(),
                    deviceFloor.cpuMsPerRequest(),
                    deviceFloor.rate(),
                    mqtt.cpuMs(),
                    mqttFloor.cpuMsPerRequest(),
                    mqttFloor.rate(),
                    ownWork,
                    anyTransport,
                    2 * peak.rate(),
                    anyTransport >= 2 * peak.rate() ? "WITHIN THIS MACHINE" : "BEYOND THIS MACHINE");
        }
        System.out.printf(
                "PRESSES-EXACT orders=%d ORDER_PLACED=%d other-answers=%d %s%n",
                orders,
                placed.get(),
                other.get(),
                orders == placed.get() ? "EXACT (nothing lost or doubled)" : "WRONG");
    }

    /**
     * Before a phase: a checkpoint, so that none runs during the phase (PostgreSQL starts one every 5
     * minutes, and one in a phase slows its commits), then waits for the machine to be quiet.
     */
    private static void settle(Pgbench pgbench) throws Exception {
        pgbench.psql("postgres", "checkpoint");
        System.out.printf("  (a checkpoint, then the machine was quiet after %.1f s)%n", MachineCpu.settle());
    }

    /** Commits in Corner's database and WAL bytes written so far. */
    private static long[] databaseWork(Pgbench pgbench) throws Exception {
        var row = pgbench.psql(
                        "postgres",
                        "select xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"
                                + " from pg_stat_database where datname = 'postgres'")
                .split("\\|");
        return new long[] {Long.parseLong(row[0]), Long.parseLong(row[1])};
    }

    /** A phase: presses answered, how long it took, their latency and the CPU time it took. */
    record Result(long count, double seconds, Histogram latency, MachineCpu.Split cpu) {
        double rate() {
            return count / seconds;
        }

        /** The machine's busy CPU time per press, in milliseconds. */
        double cpuMs() {
            return cpu.busy() * 1000 / count;
        }

        double p50() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }
    }

    private static void report(String phase, Result result, String how) {
        System.out.printf(
                "%s: %d presses in %.1f s (%s): %.0f/s, p50 %.1f ms, p99 %.1f ms, %.2f ms of the machine's CPU each%n",
                phase,
                result.count(),
                result.seconds(),
                how,
                result.rate(),
                result.p50(),
                result.p99(),
                result.cpuMs());
    }

    /**
     * Provisions, claims and binds every slot of, in parallel, one household for every 4 devices. A
     * household's orders from one store share a fulfilment, so its presses at the same moment queue
     * behind each other; more devices per household would measure that queue. The buttons come slot
     * by slot (every device's first slot, then every device's second…), so that presses close
     * together are of distinct devices.
     */
    private static Queue<Button> provision(JsonClient api, int count, String binding, List<String> slots)
            throws InterruptedException {
        var fleet = new Fleet(api);
        var maker = api.account("MAKER");
        var model = fleet.model(maker, "Bench button", "BUTTON", "pc", 1, slots);
        var provisioned = fleet.provision(maker, model, "PRESS", count);
        var ready = new ConcurrentLinkedQueue<Button>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int from = 0; from < provisioned.size(); from += 4) {
            var group = provisioned.subList(from, Math.min(provisioned.size(), from + 4));
            pool.execute(() -> {
                var household = api.account("HOUSEHOLD");
                for (var device : group) {
                    fleet.claim(household, device);
                    for (var slot : slots) {
                        fleet.bind(household, device.deviceId(), slot, binding);
                    }
                    ready.add(new Button(device.credentials(), null, household));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (ready.size() != count) {
            throw new IllegalStateException("only " + ready.size() + " of " + count + " devices were set up");
        }
        var buttons = new ConcurrentLinkedQueue<Button>();
        for (var slot : slots) {
            ready.forEach(device -> buttons.add(new Button(device.device(), slot, device.household())));
        }
        return buttons;
    }

    private static Queue<Button> take(Queue<Button> buttons, int count) {
        var taken = new ConcurrentLinkedQueue<Button>();
        for (int i = 0; i < count; i++) {
            taken.add(buttons.remove());
        }
        return taken;
    }

    private static DeviceCredentials.Signed press(Button button) {
        return button.device()
                .sign(
                        "POST",
                        "/device/v1/slots/" + button.slotId() + "/press",
                        "{\"pressId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}",
                        Instant.now().getEpochSecond());
    }

    private void count(Button button, DeviceReply reply) {
        if (reply.result().equals("ORDER_PLACED")) {
            placed.incrementAndGet();
            var cancelling = toCancel;
            if (cancelling != null) {
                cancelling.add(new Placed(reply.field("orderId"), button.household()));
            }
        } else {
            other.incrementAndGet();
        }
    }

    /**
     * Presses the same buttons round after round, over HTTP and then MQTT, cancelling the orders of
     * each round so that the next one places new ones, for {@code seconds}: both sides (Corner and
     * this client) then run the press path compiled when it is measured. A fresh JVM compiles a
     * large application's code for minutes, and a press's own code runs once per batch.
     */
    private void warmUp(JsonClient api, String base, String broker, List<Button> buttons, int clients, int seconds)
            throws InterruptedException {
        System.out.printf("warm-up: %d buttons pressed over and over for %d s…%n", buttons.size(), seconds);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long pressed = 0;
        int rounds = 0;
        do {
            toCancel = new ConcurrentLinkedQueue<>();
            closedLoop(base, new ConcurrentLinkedQueue<>(buttons), clients);
            if (broker != null) {
                cancel(api, toCancel, clients);
                toCancel = new ConcurrentLinkedQueue<>();
                overMqtt(broker, new ConcurrentLinkedQueue<>(buttons), clients * 4);
            }
            cancel(api, toCancel, clients);
            pressed += buttons.size() * (broker == null ? 1L : 2L);
            rounds++;
        } while (System.nanoTime() < end);
        toCancel = null;
        System.out.printf("warm-up: %d presses in %d rounds%n", pressed, rounds);
    }

    /** Cancels the orders, as their households, from {@code clients} threads. */
    private static void cancel(JsonClient api, Queue<Placed> orders, int clients) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(clients);
        for (var order : orders) {
            pool.execute(() -> api.post("/api/v1/orders/" + order.orderId() + "/cancel", order.household(), "{}"));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** Each thread presses the next device as soon as its last press was answered. */
    private Result closedLoop(String base, Queue<Button> buttons, int clients) throws InterruptedException {
        var recorder = new Recorder(3);
        int count = buttons.size();
        var threads = new ArrayList<Thread>();
        var cpu = MachineCpu.Split.now();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                try (var transport = new HttpTransport(base)) {
                    for (var button = buttons.poll(); button != null; button = buttons.poll()) {
                        long sent = System.nanoTime();
                        count(button, transport.exchange(press(button)));
                        recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        return new Result(
                count,
                (System.nanoTime() - start) / 1e9,
                recorder.getIntervalHistogram(),
                MachineCpu.Split.now().since(cpu));
    }

    /**
     * Presses due at a steady rate, from enough threads that one slow answer does not hold the
     * next press back; a press's latency counts from when it was due.
     */
    private Result paced(String base, Queue<Button> buttons, int threads, double rate) throws InterruptedException {
        var recorder = new Recorder(3);
        int count = buttons.size();
        var next = new AtomicLong();
        var cpu = MachineCpu.Split.now();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        // Per second of the phase, the presses over 50 ms: where the tail of the latency comes from.
        var slow = new java.util.concurrent.atomic.AtomicLongArray((int) (count / rate) + 2);
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            var worker = new Thread(() -> {
                try (var transport = new HttpTransport(base)) {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        var button = buttons.remove();
                        count(button, transport.exchange(press(button)));
                        long micros = Math.max(1, (System.nanoTime() - due) / 1000);
                        recorder.recordValue(micros);
                        if (micros > 50_000) {
                            slow.incrementAndGet((int) ((due - start) / 1_000_000_000L));
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join();
        }
        var result = new Result(
                count,
                (System.nanoTime() - start) / 1e9,
                recorder.getIntervalHistogram(),
                MachineCpu.Split.now().since(cpu));
        var seconds = new StringBuilder();
        for (int second = 0; second < slow.length(); second++) {
            if (slow.get(second) > 0) {
                seconds.append(String.format(" %d s: %d;", second, slow.get(second)));
            }
        }
        System.out.printf("  presses over 50 ms, by second of the phase:%s%n", seconds.isEmpty() ? " none" : seconds);
        return result;
    }

    /**
     * Every device on its own connection (connected before the clock starts), a bounded number of
     * presses in flight.
     */
    private Result overMqtt(String broker, Queue<Button> buttons, int inFlight) throws InterruptedException {
        var pressed = new ArrayList<Button>(buttons);
        var connected = new LinkedHashMap<DeviceCredentials, MqttTransport>();
        pressed.forEach(button -> connected.put(button.device(), null));
        System.out.printf("connecting %d devices to %s…%n", connected.size(), broker);
        connected.replaceAll((device, none) -> MqttTransport.connect(broker, device));
        var recorder = new Recorder(3);
        var slots = new Semaphore(inFlight);
        var cpu = MachineCpu.Split.now();
        long start = System.nanoTime();
        for (var button : pressed) {
            slots.acquire();
            long sent = System.nanoTime();
            connected.get(button.device()).send(press(button)).whenComplete((reply, failure) -> {
                if (failure == null) {
                    count(button, reply);
                } else {
                    other.incrementAndGet();
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                slots.release();
            });
        }
        slots.acquire(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        var spent = MachineCpu.Split.now().since(cpu);
        connected.values().forEach(MqttTransport::close);
        return new Result(pressed.size(), seconds, recorder.getIntervalHistogram(), spent);
    }
}
