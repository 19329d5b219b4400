package dev.corner.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Plays buttons and appliances against a running Corner, over HTTP or MQTT, signing every request
 * as firmware does. It provisions its devices as a maker, claims and binds them as a household (the
 * demo accounts by default), then lets buttons press now and then and appliances use up their
 * slot and report it, until the time is up. See docs/device-simulator.md.
 */
public final class DeviceSimulator {

    private static final List<String> DEMO_GTIN_BODIES = List.of("400638133393", "400638133394");
    private static final Pattern STORE_ID = Pattern.compile("\"storeId\":\"([^\"]+)\"");

    record Options(
            String url,
            String mqtt,
            String maker,
            String household,
            String password,
            int buttons,
            int appliances,
            List<String> gtins,
            List<String> devices,
            boolean bind,
            boolean confirm,
            Duration duration,
            Duration pressEvery,
            Duration reportEvery,
            double latitude,
            double longitude) {

        static Options parse(String[] args) {
            var values = new TreeMap<String, List<String>>();
            for (int i = 0; i < args.length; i++) {
                var name = args[i];
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + name + "; see --help");
                }
                boolean flag = name.equals("--no-bind") || name.equals("--confirm") || name.equals("--help");
                if (!flag && i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(flag ? "true" : args[++i]);
            }
            var known = List.of(
                    "--url",
                    "--mqtt",
                    "--maker",
                    "--household",
                    "--password",
                    "--buttons",
                    "--appliances",
                    "--gtin",
                    "--device",
                    "--no-bind",
                    "--confirm",
                    "--seconds",
                    "--press-every",
                    "--report-every",
                    "--near",
                    "--help");
            for (var name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name + "; see --help");
                }
            }
            if (values.containsKey("--help")) {
                return null;
            }
            var near = one(values, "--near", "52.4990,13.4200").split(",");
            return new Options(
                    one(values, "--url", "http://localhost:8080"),
                    one(values, "--mqtt", null),
                    one(values, "--maker", "maker@demo.corner.dev"),
                    one(values, "--household", "household@demo.corner.dev"),
                    one(values, "--password", "corner-demo"),
                    Integer.parseInt(one(values, "--buttons", values.containsKey("--device") ? "0" : "3")),
                    Integer.parseInt(one(values, "--appliances", values.containsKey("--device") ? "0" : "2")),
                    values.getOrDefault(
                            "--gtin",
                            DEMO_GTIN_BODIES.stream()
                                    .map(JsonClient::withCheckDigit)
                                    .toList()),
                    values.getOrDefault("--device", List.of()),
                    !values.containsKey("--no-bind"),
                    values.containsKey("--confirm"),
                    Duration.ofSeconds(Long.parseLong(one(values, "--seconds", "120"))),
                    Duration.ofSeconds(Long.parseLong(one(values, "--press-every", "20"))),
                    Duration.ofSeconds(Long.parseLong(one(values, "--report-every", "5"))),
                    Double.parseDouble(near[0]),
                    Double.parseDouble(near[1]));
        }

        private static String one(Map<String, List<String>> values, String name, String fallback) {
            var given = values.get(name);
            return given == null ? fallback : given.get(given.size() - 1);
        }
    }

    static final String USAGE = """
            Usage: java -jar simulator/target/corner-simulator.jar [options]
              --url URL             Corner's base URL (default http://localhost:8080)
              --mqtt tcp://HOST:PORT speak MQTT to this broker instead of HTTP
              --buttons N           buttons to provision, claim and bind (default 3)
              --appliances N        appliances to provision, claim and bind (default 2)
              --maker EMAIL         maker account that provisions them (default maker@demo.corner.dev)
              --household EMAIL     household that claims them (default household@demo.corner.dev)
              --password TEXT       password of both accounts (default corner-demo)
              --gtin GTIN           a product to bind, repeatable (default: the demo dishwasher tablets)
              --near LAT,LON        bind to stores within 5 km of here (default 52.4990,13.4200)
              --no-bind             claim only; bind the slots in /shop yourself
              --device ID:SECRET    play an existing button (slot main), repeatable
              --confirm             devices have a display: confirm quotes at once
              --seconds N           how long to play (default 120)
              --press-every N       mean seconds between presses of one button (default 20)
              --report-every N      seconds between an appliance's status reports (default 5)
            """;

    public static void main(String[] args) throws InterruptedException {
        try {
            play(args);
            // The MQTT client's event loop threads would keep the JVM alive.
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("Corner refused or could not be reached: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Plays as the options say and answers how often each result came back ({@code ORDER_PLACED}
     * → 3…). Bad options are an {@link IllegalArgumentException} naming the problem.
     */
    public static Map<String, Long> play(String... args) throws InterruptedException {
        var options = Options.parse(args);
        if (options == null) {
            System.out.print(USAGE);
            return Map.of();
        }
        var simulator = new DeviceSimulator(options);
        simulator.run();
        var counts = new TreeMap<String, Long>();
        simulator.results.forEach((result, count) -> counts.put(result, count.get()));
        return counts;
    }

    private final Options options;
    private final Map<String, AtomicLong> results = new ConcurrentHashMap<>();

    DeviceSimulator(Options options) {
        this.options = options;
    }

    void run() throws InterruptedException {
        var buttons = new ArrayList<DeviceCredentials>();
        var appliances = new ArrayList<DeviceCredentials>();
        for (var given : options.devices()) {
            int colon = given.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--device takes ID:SECRET");
            }
            buttons.add(new DeviceCredentials(given.substring(0, colon), given.substring(colon + 1)));
        }
        if (options.buttons() + options.appliances() > 0) {
            setUp(buttons, appliances);
        }
        var deadline = Instant.now().plus(options.duration());
        say(
                "playing %d buttons and %d appliances over %s for %d s",
                buttons.size(),
                appliances.size(),
                options.mqtt() == null ? "HTTP" : "MQTT",
                options.duration().toSeconds());
        var threads = new ArrayList<Thread>();
        for (var button : buttons) {
            threads.add(start(() -> playButton(button, deadline)));
        }
        for (var appliance : appliances) {
            threads.add(start(() -> playAppliance(appliance, deadline)));
        }
        for (var thread : threads) {
            thread.join();
        }
        say("done: %s", new TreeMap<>(results));
    }

    private void setUp(List<DeviceCredentials> buttons, List<DeviceCredentials> appliances) {
        var api = JsonClient.to(options.url());
        var fleet = new Fleet(api);
        var maker = api.signIn(options.maker(), options.password());
        var household = api.signIn(options.household(), options.password());
        String binding = options.bind() ? binding(api, household) : null;
        if (options.buttons() > 0) {
            var model = fleet.model(maker, "Simulated button", "BUTTON", "pack", 1);
            for (var device : fleet.provision(maker, model, "SIM-BTN", options.buttons())) {
                join(fleet, household, device, binding, "button");
                buttons.add(device.credentials());
            }
        }
        if (options.appliances() > 0) {
            var model = fleet.model(maker, "Simulated dishwasher", "APPLIANCE", "tablet", 40);
            for (var device : fleet.provision(maker, model, "SIM-APP", options.appliances())) {
                join(fleet, household, device, binding, "appliance");
                appliances.add(device.credentials());
            }
        }
    }

    private void join(Fleet fleet, String household, Fleet.Provisioned device, String binding, String kind) {
        fleet.claim(household, device);
        if (binding != null) {
            fleet.bind(household, device.deviceId(), binding);
        }
        say(
                "%s %s (serial %s) claimed%s",
                kind, device.deviceId(), device.serial(), binding == null ? "" : " and bound");
    }

    /** Acceptable products by GTIN, the stores near the household that offer them, cheapest first. */
    private String binding(JsonClient api, String household) {
        var products = new ArrayList<String>();
        var stores = new LinkedHashSet<String>();
        for (var gtin : options.gtins()) {
            var found = api.send("GET", "/api/v1/products?gtin=" + gtin, household, "", Map.of());
            if (!found.contains("\"productId\"")) {
                throw new IllegalArgumentException("no product with GTIN " + gtin);
            }
            var productId = JsonClient.field(found, "productId");
            products.add(productId);
            var near = api.send(
                    "GET",
                    "/api/v1/availability?productId=" + productId + "&latitude=" + options.latitude() + "&longitude="
                            + options.longitude() + "&radiusKm=5",
                    household,
                    "",
                    Map.of());
            var matcher = STORE_ID.matcher(near);
            while (matcher.find()) {
                stores.add(matcher.group(1));
            }
        }
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("no store within 5 km has any of " + options.gtins());
        }
        return Fleet.binding(products, "CHEAPEST", List.copyOf(stores), 2_000, "EUR");
    }

    private SimulatedDevice connect(DeviceCredentials credentials) {
        return options.mqtt() == null
                ? SimulatedDevice.http(URI.create(options.url()), credentials.deviceId(), credentials.secret())
                : SimulatedDevice.mqtt(options.mqtt(), credentials.deviceId(), credentials.secret());
    }

    /** A button: presses at random, on average every {@code --press-every} seconds. */
    private void playButton(DeviceCredentials credentials, Instant deadline) {
        try (var device = connect(credentials)) {
            device.heartbeat("sim-1.0", 97);
            while (pause(exponential(options.pressEvery()), deadline)) {
                var pressId = "press-" + UUID.randomUUID();
                var reply = device.press("main", pressId, 1);
                log(device, "press", reply);
                var quote = reply.find("quoteId");
                if (options.confirm() && quote.isPresent()) {
                    log(device, "confirm", device.confirm("main", pressId, quote.get()));
                }
            }
        } catch (RuntimeException e) {
            say("%s stopped: %s", credentials.deviceId(), e.getMessage());
        }
    }

    /**
     * An appliance: uses up its 40 tablets at about one every {@code --report-every} seconds (with
     * noise), reports each time, and is refilled a little while after an order was placed.
     */
    private void playAppliance(DeviceCredentials credentials, Instant deadline) {
        var random = ThreadLocalRandom.current();
        double capacity = 40;
        double remaining = capacity * random.nextDouble(0.3, 1.0);
        Instant refillAt = null;
        try (var device = connect(credentials)) {
            device.heartbeat("sim-1.0", 100);
            while (pause(options.reportEvery(), deadline)) {
                remaining = Math.max(0, remaining - random.nextDouble(0.5, 1.5));
                if (refillAt != null && Instant.now().isAfter(refillAt)) {
                    remaining = capacity;
                    refillAt = null;
                    say("%s refilled", device.deviceId());
                }
                double measured = Math.max(0, Math.round((remaining + random.nextGaussian() * 0.3) * 10) / 10.0);
                var reply = device.status(
                        "main", measured, capacity, "tablet", Instant.now().truncatedTo(ChronoUnit.SECONDS));
                log(device, "status " + measured + "/" + (int) capacity, reply);
                if (reply.result().equals("ORDER_PLACED") && refillAt == null) {
                    refillAt = Instant.now().plus(options.reportEvery().multipliedBy(6));
                }
            }
        } catch (RuntimeException e) {
            say("%s stopped: %s", credentials.deviceId(), e.getMessage());
        }
    }

    private void log(SimulatedDevice device, String what, DeviceReply reply) {
        results.computeIfAbsent(reply.result(), k -> new AtomicLong()).incrementAndGet();
        var details = new StringBuilder();
        for (var field : List.of(
                "orderId", "name", "amount", "reason", "quoteId", "expectedDepletion", "ratePerDay", "detail")) {
            reply.find(field)
                    .ifPresent(
                            v -> details.append(' ').append(field).append('=').append(v));
        }
        say("%s %s -> %d %s%s", device.deviceId(), what, reply.status(), reply.result(), details);
    }

    private static Duration exponential(Duration mean) {
        return Duration.ofMillis(
                (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * mean.toMillis()));
    }

    /** Waits, unless the deadline comes first; answers whether there is time left to play. */
    private static boolean pause(Duration wait, Instant deadline) {
        var until = Instant.now().plus(wait);
        if (until.isAfter(deadline)) {
            return false;
        }
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread start(Runnable body) {
        var thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static void say(String format, Object... values) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, values));
    }
}
