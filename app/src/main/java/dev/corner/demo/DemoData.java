package dev.corner.demo;

import dev.corner.accounts.Accounts;
import dev.corner.catalog.Catalog;
import dev.corner.catalog.Gtin;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.devices.DeviceId;
import dev.corner.devices.HouseholdDevices;
import dev.corner.devices.Provisioning;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.StockLine;
import dev.corner.orders.Fulfilment;
import dev.corner.pos.Shifts;
import dev.corner.stores.OpeningHours;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds a small neighbourhood on the first start with {@code --demo}, then prints how to try it. */
@Component
class DemoData {

    static final String PASSWORD = "corner-demo";
    static final String MERCHANT = "merchant@demo.corner.dev";
    static final String HOUSEHOLD = "household@demo.corner.dev";
    static final String MAKER = "maker@demo.corner.dev";
    static final String COURIER = "courier@demo.corner.dev";
    static final String CASHIER = "cashier@demo.corner.dev";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ApplicationArguments arguments;
    private final Accounts accounts;
    private final Stores stores;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Provisioning provisioning;
    private final HouseholdDevices devices;
    private final Shifts shifts;
    private final TransactionTemplate transaction;

    DemoData(
            ApplicationArguments arguments,
            Accounts accounts,
            Stores stores,
            Catalog catalog,
            Inventory inventory,
            Provisioning provisioning,
            HouseholdDevices devices,
            Shifts shifts,
            TransactionTemplate transaction) {
        this.arguments = arguments;
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.provisioning = provisioning;
        this.devices = devices;
        this.shifts = shifts;
        this.transaction = transaction;
    }

    private record Item(String gtinBody, String name, String brand, String unit, long[] pricesPerStore) {}

    private static final List<Item> ITEMS = List.of(
            new Item("400638133393", "Dishwasher tablets, 40", "Sparkle", "pack", new long[] {649, 599, 699}),
            new Item("400638133394", "Dishwasher tablets, 36", "GreenWash", "pack", new long[] {579, 0, 549}),
            new Item("590123412345", "Whole milk 1 l", "Alpenhof", "bottle", new long[] {129, 119, 135}),
            new Item("871234567890", "Ground coffee 500 g", "Roastery No. 5", "bag", new long[] {799, 829, 0}),
            new Item("761234567891", "Laundry liquid 1.5 l", "Sparkle", "bottle", new long[] {899, 0, 849}));

    @EventListener(ApplicationReadyEvent.class)
    void seedAndGreet(ApplicationReadyEvent ready) {
        if (!arguments.containsOption("demo")) {
            return;
        }
        var seeded = accounts.findByEmail(MERCHANT).isPresent() ? null : transaction.execute(status -> seed());
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : 8080;
        var text = new StringBuilder()
                .append("\n\n  Corner is running with demo data: http://localhost:")
                .append(port)
                .append("/\n\n  Demo sign-ins (password ")
                .append(PASSWORD)
                .append("):\n    merchant  ")
                .append(MERCHANT)
                .append("\n    household ")
                .append(HOUSEHOLD)
                .append("\n    maker     ")
                .append(MAKER)
                .append("\n    cashier   ")
                .append(CASHIER)
                .append(" (staff at Oranienstraße: discounts yes, refunds no)")
                .append("\n    courier   ")
                .append(COURIER)
                .append("\n  API token: POST /api/v1/tokens {\"email\",\"password\"}; API docs at /api-docs.html\n");
        if (seeded != null) {
            text.append("\n  Demo button (shown this once; its secret is not stored in clear):\n    deviceId ")
                    .append(seeded.deviceId().value())
                    .append("  slot main\n    secret   ")
                    .append(seeded.secret())
                    .append("\n");
        }
        log.info(text.toString());
    }

    private record Seeded(DeviceId deviceId, String secret) {}

    private Seeded seed() {
        var merchant = new Caller(accounts.open(MERCHANT, PASSWORD, "Corner Grocers", Role.MERCHANT), Role.MERCHANT);
        var household = new Caller(accounts.open(HOUSEHOLD, PASSWORD, "The Millers", Role.HOUSEHOLD), Role.HOUSEHOLD);
        var maker = new Caller(accounts.open(MAKER, PASSWORD, "Buttonworks", Role.MAKER), Role.MAKER);
        accounts.open(COURIER, PASSWORD, "Kim on a cargo bike", Role.COURIER);

        var storeIds = List.of(
                stores.open(
                        merchant, "Corner Grocers Oranienstraße", "Oranienstraße 12, Berlin", 52.5010, 13.4190, "EUR"),
                stores.open(merchant, "Corner Grocers Graefekiez", "Graefestraße 40, Berlin", 52.4935, 13.4170, "EUR"),
                stores.open(
                        merchant, "Corner Grocers Wrangelkiez", "Wrangelstraße 77, Berlin", 52.5005, 13.4390, "EUR"));
        var productIds = new ArrayList<ProductId>();
        for (var item : ITEMS) {
            var product = catalog.addProduct(
                    merchant, Gtin.withCheckDigit(item.gtinBody()).value(), item.name(), item.brand(), item.unit());
            productIds.add(product);
            for (int s = 0; s < storeIds.size(); s++) {
                if (item.pricesPerStore()[s] > 0) {
                    catalog.setOffer(merchant, storeIds.get(s), product, Money.of(item.pricesPerStore()[s], "EUR"));
                    inventory.receive(
                            merchant,
                            storeIds.get(s),
                            List.of(new StockLine(product, 6 + 4L * s)),
                            "demo opening stock");
                }
            }
        }

        // Opening hours: the FASTEST strategy picks by when a pickup is ready.
        var berlin = ZoneId.of("Europe/Berlin");
        var weekdays = new EnumMap<DayOfWeek, List<OpeningHours.Interval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                weekdays.put(day, List.of(OpeningHours.Interval.of("08:00", "20:00")));
            }
        }
        stores.setHours(merchant, storeIds.get(0), new OpeningHours(berlin, Duration.ofMinutes(15), weekdays));
        stores.setHours(merchant, storeIds.get(1), new OpeningHours(berlin, Duration.ofMinutes(45), weekdays));

        // The first shop's till: a register and a cashier who may give discounts but not refunds.
        stores.addStaff(merchant, storeIds.get(0), CASHIER, "Alex at the till", PASSWORD, true, false);
        shifts.addRegister(merchant, storeIds.get(0), "Till 1");

        var model = provisioning.registerModel(
                maker, "Corner Button", "BUTTON", List.of(new Provisioning.SlotSpec("main", "pack", 1L)));
        var button =
                provisioning.provision(maker, model, List.of("DEMO-BTN-0001")).get(0);
        devices.claim(household, button.serial(), button.claimCode());
        devices.bind(
                household,
                button.deviceId(),
                "main",
                new SlotPolicy(
                        List.of(productIds.get(0), productIds.get(1)),
                        Strategy.PREFERRED,
                        List.<StoreId>of(storeIds.get(0), storeIds.get(1)),
                        null,
                        Money.of(700, "EUR"),
                        1,
                        Fulfilment.PICKUP,
                        Consent.CANCEL_WINDOW));
        return new Seeded(button.deviceId(), button.secret());
    }
}
