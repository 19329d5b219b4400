package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import dev.corner.TestClock;
import dev.corner.simulator.SimulatedDevice;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The household app in a real browser: claim a device, bind its slot, a press from the device
 * simulator whose confirmation appears without a reload, confirm it, cancel another order, in
 * English, German and French.
 */
@CornerTest
class HouseholdAppInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Neighbourhood town;

    @BeforeEach
    void connect() {
        api = new Api(port);
        town = new Neighbourhood(api);
        // Notices are written after the press commits and polled once a second.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    /** A shop selling a product with a name no other test uses, at 4.99, with 10 in stock. */
    record Goods(Neighbourhood.Shop shop, String name, String brand) {}

    private Goods goods() {
        var merchant = town.account("MERCHANT");
        var storeId = town.store(merchant);
        var word = UUID.randomUUID().toString().substring(0, 8);
        var name = "Sparkling water " + word;
        var brand = "Fizz " + word;
        var product = api.post(
                "/api/v1/products",
                merchant.token(),
                Map.of("gtin", Neighbourhood.randomGtin(), "name", name, "brand", brand, "unit", "bottle"));
        assertThat(product.status()).as(product.raw()).isEqualTo(201);
        var productId = product.text("productId");
        town.offer(merchant, storeId, productId, 499);
        town.receive(merchant, storeId, productId, 10);
        return new Goods(new Neighbourhood.Shop(merchant, storeId, productId), name, brand);
    }

    private void signIn(Neighbourhood.Account account) {
        page.navigate(api.base() + "/shop?lang=en");
        page.getByLabel("E-mail").fill(account.email());
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private void nav(String name) {
        page.getByRole(AriaRole.NAVIGATION, new GetByRoleOptions().setName("Household"))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new GetByRoleOptions().setName(name).setExact(true));
    }

    private void claim(Neighbourhood.Device device) {
        nav("Devices");
        page.getByLabel("Serial number").fill(device.serial());
        page.getByLabel("Claim code").fill(device.claimCode());
        button("Claim").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("claimed")))
                .hasText("Device claimed. Bind its slots to what it should order.");
    }

    /** On the device's page: binds slot main to the goods at their store with a cap and a consent. */
    private void bind(Goods goods, String cap, String consent) {
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Bind this slot"))
                .click();
        choose(goods);
        page.locator("#store-choices [data-store-id='" + goods.shop().storeId() + "'] input")
                .check();
        page.getByLabel("Highest unit price you accept").fill(cap);
        page.getByLabel("Consent").selectOption(consent);
        button("Preview").click();
        assertThat(page.locator("#outlook")).isVisible();
        button("Save").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("bound")))
                .hasText("Slot bound.");
    }

    /** On the slot form: finds the goods by brand and adds them as the acceptable product. */
    private void choose(Goods goods) {
        page.getByLabel("Search products by name, brand or GTIN").fill(goods.brand());
        button("Search").click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new GetByRoleOptions().setName("Add: " + goods.name() + " (" + goods.brand() + ")"))
                .click();
        assertThat(page.locator("#chosen-products li")).hasCount(1);
        assertThat(page.locator("#chosen-products li")).containsText(goods.name());
    }

    /** A household of its own, signed in, and a button it claimed in the app. */
    private record SignedIn(Neighbourhood.Account household, Neighbourhood.Device device) {}

    private SignedIn signedInWithAButton() {
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        signIn(household);
        claim(device);
        return new SignedIn(household, device);
    }

    private SimulatedDevice simulated(Neighbourhood.Device device) {
        return SimulatedDevice.http(URI.create(api.base()), device.deviceId(), device.secret())
                .withClock(clock);
    }

    @Test
    void aHouseholdClaimsBindsConfirmsAPressThatAppearsLiveAndCancelsAnother() {
        var goods = goods();
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        signIn(household);
        assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Waiting for your confirmation")))
                .isVisible();

        claim(device);
        bind(goods, "6.00", "CONFIRM_EACH");
        var outlook = page.locator("[data-slot-id='main'] .outlook");
        assertThat(outlook).containsText("Would order now: " + goods.name() + " (" + goods.brand() + ") at ");
        assertThat(outlook).containsText(", €4.99 each, €4.99 in total.");

        nav("Home");
        page.evaluate("window.stillTheSamePage = true");
        try (var button = simulated(device)) {
            var press = button.press("main", "press-" + UUID.randomUUID(), 1);
            assertThat(press.result()).as(press.body()).isEqualTo("AWAITING_CONFIRMATION");

            // The confirmation comes by itself, with the product, price and total next to the button.
            var waiting = page.locator("#pending article.confirmation");
            assertThat(waiting).hasCount(1);
            assertThat(waiting.locator(".product")).hasText(goods.name());
            assertThat(waiting.locator(".price")).hasText("€4.99");
            assertThat(waiting.locator(".total")).hasText("€4.99");
            assertThat(waiting.getByRole(
                            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Order with obligation to pay")))
                    .isVisible();
            assertThat(page.locator("#live-notice")).containsText("An order waits for your confirmation");
            assertThat(page.evaluate("window.stillTheSamePage")).isEqualTo(true);

            // The same button in German and in French, with the amounts as those languages write them.
            page.navigate(api.base() + "/shop?lang=de");
            assertThat(page.locator("#pending .confirm")).hasText("Zahlungspflichtig bestellen");
            assertThat(page.locator("#pending .total")).hasText("4,99 €");
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            page.navigate(api.base() + "/shop/orders"); // the cookie keeps the language
            assertThat(page.locator("#order-table .confirm")).hasText("Zahlungspflichtig bestellen");
            page.navigate(api.base() + "/shop?lang=fr");
            assertThat(page.locator("#pending .confirm")).hasText("Commander avec obligation de paiement");
            assertThat(page.locator("#pending .total")).containsText("4,99");
            page.navigate(api.base() + "/shop?lang=en");

            var orderId = press.field("orderId");
            page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Order with obligation to pay"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("confirmed")))
                    .hasText("Order confirmed.");
            assertThat(page.locator("#pending article.confirmation")).hasCount(0);
            assertThat(api.get("/api/v1/orders/" + orderId, household.token()).text("status"))
                    .isEqualTo("PLACED");
            // What was shown is what the evidence records: the web app, the English button, 4.99.
            var evidence = Api.JSON.readTree(jdbc.sql("select consent_evidence from orders where id = :id")
                    .param("id", orderId)
                    .query(String.class)
                    .single());
            assertThat(evidence.get("channel").asString()).isEqualTo("WEB");
            assertThat(evidence.get("button").asString()).isEqualTo("Order with obligation to pay");
            assertThat(evidence.get("language").asString()).isEqualTo("en");
            assertThat(evidence.get("shown").get("product").asString()).isEqualTo(goods.name());
            assertThat(evidence.get("shown").get("unitPrice").get("amount").asLong())
                    .isEqualTo(499);
            assertThat(evidence.get("shown").get("total").get("amount").asLong())
                    .isEqualTo(499);

            // Collected at the store; the slot is then rebound to order at once, cancellable.
            var handed = api.post(
                    "/api/v1/stores/" + goods.shop().storeId() + "/orders/" + orderId + "/handover",
                    goods.shop().merchant().token(),
                    null);
            assertThat(handed.status()).as(handed.raw()).isEqualTo(200);
            nav("Devices");
            page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                    .click();
            page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Change the binding"))
                    .click();
            page.getByLabel("Consent").selectOption("CANCEL_WINDOW");
            button("Save").click();
            assertThat(page.locator("[data-slot-id='main']")).containsText("Cancel window");

            var second = button.press("main", "press-" + UUID.randomUUID(), 1);
            assertThat(second.result()).as(second.body()).isEqualTo("ORDER_PLACED");
            assertThat(town.level(goods.shop()).reserved()).isEqualTo(1);
        }

        nav("Orders");
        var rows = page.locator("#order-table tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).hasAttribute("data-status", "PLACED"); // newest first
        assertThat(rows.nth(1)).hasAttribute("data-status", "COMPLETED");
        assertThat(page.locator("#consolidation")).containsText("This month 2 orders went out in");
        rows.first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel order: " + goods.name()))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("cancelled")))
                .hasText("Order cancelled.");
        assertThat(rows.first()).hasAttribute("data-status", "CANCELLED");
        assertThat(rows.first().locator(".status")).hasText("Cancelled");
        var level = town.level(goods.shop());
        assertThat(level.reserved()).isZero();
        assertThat(level.available()).isEqualTo(9); // 10 received, 1 collected, the cancelled one back

        nav("Spending");
        assertThat(page.locator("#spending-total")).hasText("€4.99");
        assertThat(page.locator("#spending-table [data-device-id='" + device.deviceId() + "'] .month"))
                .hasText("€4.99");
    }

    @Test
    void theMonthsTotalFollowsAPressAndACancelWithoutAReload() {
        var goods = goods();
        var signedIn = signedInWithAButton();
        var household = signedIn.household();
        bind(goods, "6.00", "CANCEL_WINDOW");

        nav("Home");
        var total = page.locator("#month-total");
        assertThat(total).hasText("€0.00");
        page.evaluate("window.stillTheSamePage = true");
        var byDevice = page.locator("#month-by-device");
        byDevice.focus();
        try (var button = simulated(signedIn.device())) {
            // Within a cancel window a press writes no notice: the total follows the order itself.
            var press = button.press("main", "press-" + UUID.randomUUID(), 1);
            assertThat(press.result()).as(press.body()).isEqualTo("ORDER_PLACED");
            assertThat(total).hasText("€4.99");
            assertThat(byDevice).isFocused(); // the refresh takes no focus away
            assertThat(page.locator("#notice-list li")).hasCount(0);

            var cancelled = api.post("/api/v1/orders/" + press.field("orderId") + "/cancel", household.token(), null);
            assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
            assertThat(total).hasText("€0.00");
        }
        assertThat(page.evaluate("window.stillTheSamePage")).isEqualTo(true);
    }

    @Test
    void whenNothingFitsThePageSaysWhyAndTheRefusedPressArrivesAsANotice() {
        var goods = goods();
        var signedIn = signedInWithAButton();
        var device = signedIn.device();
        bind(goods, "3.00", "CANCEL_WINDOW");
        assertThat(page.locator("[data-slot-id='main'] .outlook"))
                .hasText("Nothing fits: every offer is above your cap (the cheapest is €4.99),"
                        + " so a press answers UNAVAILABLE.");

        page.locator("#notices-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Notices")))
                .isVisible();
        assertThat(page.locator("#notice-list li")).hasCount(0);
        try (var button = simulated(device)) {
            assertThat(button.press("main", "press-" + UUID.randomUUID(), 1).result())
                    .isEqualTo("UNAVAILABLE");
        }
        var notice = page.locator("#notice-list li.unread");
        assertThat(notice).hasCount(1);
        assertThat(notice).containsText("A press ordered nothing");
        assertThat(notice)
                .containsText("A press of device " + device.serial()
                        + " (slot main) ordered nothing: every offer is above your price cap.");
        page.navigate(api.base() + "/shop/notices?lang=de");
        assertThat(page.locator("#notice-list li"))
                .containsText("Ein Druck auf Gerät " + device.serial()
                        + " (Fach main) hat nichts bestellt: jedes Angebot liegt über Ihrer Preisgrenze.");
        page.navigate(api.base() + "/shop/notices?lang=en");
        assertThat(page.locator("#notices-badge")).hasText("1 new");
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark read: A press ordered nothing"))
                .click();
        assertThat(page.locator("#notice-list li.read")).hasCount(1);
        assertThat(page.locator("#notices-badge")).hasText("none new");

        // A policy the devices API refuses comes back with its code; then the fastest strategy is saved.
        nav("Devices");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                .click();
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Change the binding"))
                .click();
        var store =
                page.locator("#store-choices [data-store-id='" + goods.shop().storeId() + "'] input");
        store.uncheck();
        button("Save").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INVALID_POLICY");
        assertThat(page.locator("#chosen-products li")).containsText(goods.name()); // what was typed stays
        page.getByLabel("Strategy").selectOption("FASTEST");
        store.check();
        button("Save").click();
        assertThat(page.locator("[data-slot-id='main']")).containsText("Fastest: the earliest ready");

        // Revoking asks first; then the device is listed as revoked and can order nothing.
        nav("Devices");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                .click();
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Revoke this device"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new GetByRoleOptions().setName("Revoke device " + device.serial() + "?")))
                .isVisible();
        button("Yes, revoke it").click();
        assertThat(page.locator("#device-table [data-device-id='" + device.deviceId() + "'] .status"))
                .hasText("Revoked");
        try (var button = simulated(device)) {
            assertThat(button.press("main", "press-" + UUID.randomUUID(), 1).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void theHouseholdChoosesThatRepeatedPressesAddToTheOpenOrder() {
        var household = town.account("HOUSEHOLD");
        signIn(household);
        nav("Settings");
        page.getByLabel("Another press while an order is still open").selectOption("ADD_TO_ORDER");
        page.getByLabel("At most this many units in one order").fill("3");
        button("Save settings").click();

        assertThat(page.getByLabel("Another press while an order is still open"))
                .hasValue("ADD_TO_ORDER");
        var saved = api.get("/api/v1/household/settings", household.token());
        assertThat(saved.text("repeatPresses")).isEqualTo("ADD_TO_ORDER");
        assertThat(saved.body().get("maxOrderQuantity").asInt()).isEqualTo(3);
    }

    @Test
    void theHouseholdGivesItsHomeAndBindsASlotToAnyStoreNearIt() {
        var goods = goods();
        var signedIn = signedInWithAButton();
        var household = signedIn.household();
        var device = signedIn.device();
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Bind this slot"))
                .click();
        assertThat(page.locator("#no-home")).isVisible();

        nav("Settings");
        page.getByLabel("Latitude").fill("95");
        page.getByLabel("Longitude").fill("13.41");
        button("Save settings").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INVALID_LOCATION");
        page.getByLabel("Latitude").fill("52,505"); // a decimal comma is understood too
        button("Save settings").click();
        assertThat(page.getByLabel("Latitude")).hasValue("52.505");
        var home =
                api.get("/api/v1/household/settings", household.token()).body().get("home");
        assertThat(home.get("latitude").asDouble()).isEqualTo(52.505);
        assertThat(home.get("longitude").asDouble()).isEqualTo(13.41);

        nav("Devices");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                .click();
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Bind this slot"))
                .click();
        assertThat(page.locator("#no-home")).hasCount(0);
        choose(goods);
        assertThat(page.locator("#store-choices [data-store-id='" + goods.shop().storeId() + "']"))
                .containsText(" km");
        page.getByLabel("Any store near my home").check();
        page.getByLabel("Distance from home in kilometres").fill("3");
        page.getByLabel("Highest unit price you accept").fill("6.00");
        button("Preview").click();
        assertThat(page.locator("#outlook")).containsText("€4.99");
        button("Save").click();
        assertThat(page.locator("[data-slot-id='main'] .nearby")).hasText("Any store within 3 km of home");

        try (var button = simulated(device)) {
            var press = button.press("main", "press-" + UUID.randomUUID(), 1);
            assertThat(press.result()).isEqualTo("ORDER_PLACED");
        }
        var orders = api.get("/api/v1/orders", household.token()).body().get("orders");
        assertThat(orders.get(0).get("storeId").asString())
                .isEqualTo(goods.shop().storeId());
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndMarksTheFieldAtFault() {
        var signedIn = signedInWithAButton();
        var household = signedIn.household();
        var device = signedIn.device();

        nav("Settings");
        page.getByLabel("Cancel window (minutes)").fill("45");
        page.getByLabel("Limit per order").fill("-3");
        button("Save settings").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INVALID_SETTINGS");
        assertThat(page.getByLabel("Cancel window (minutes)")).hasValue("45");
        assertThat(page.getByLabel("Limit per order")).hasValue("-3");
        assertThat(page.getByLabel("Limit per order")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#orderLimit-error")).hasText("This value was not accepted.");
        assertThat(page.getByLabel("Cancel window (minutes)")).not().hasAttribute("aria-invalid", "true");
        var saved = api.get("/api/v1/household/settings", household.token());
        assertThat(saved.body().get("cancelWindowMinutes").asInt()).isEqualTo(30); // nothing changed

        nav("Devices");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                .click();
        page.getByLabel("Consent").selectOption("CONFIRM_EACH");
        page.getByLabel("Daily limit").fill("-5");
        button("Save").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INVALID_SETTINGS");
        assertThat(page.getByLabel("Consent")).hasValue("CONFIRM_EACH");
        assertThat(page.getByLabel("Daily limit")).hasValue("-5");
        assertThat(page.getByLabel("Daily limit")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void aLimitAboveTheMonthlyLimitIsRefusedInThePagesLanguage() {
        var signedIn = signedInWithAButton();
        var household = signedIn.household();
        var device = signedIn.device();

        page.navigate(api.base() + "/shop/devices/" + device.deviceId() + "?lang=de");
        page.getByLabel("Tageslimit").fill("30");
        page.getByLabel("Monatslimit").fill("20");
        button("Speichern").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("LIMIT_ABOVE_MONTHLY");
        assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("Das Tageslimit darf nicht über dem Monatslimit liegen.");
        assertThat(page.getByLabel("Tageslimit")).hasValue("30");
        assertThat(page.getByLabel("Tageslimit")).hasAttribute("aria-invalid", "true");
        var kept = api.get("/api/v1/devices/" + device.deviceId(), household.token());
        assertThat(kept.text("dailyLimit")).as(kept.raw()).isNull();
        assertThat(kept.text("monthlyLimit")).as(kept.raw()).isNull();

        page.navigate(api.base() + "/shop/settings?lang=fr");
        page.getByLabel("Plafond par commande").fill("50");
        page.getByLabel("Plafond mensuel").fill("40");
        button("Enregistrer les réglages").click();
        assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("Le plafond par commande ne peut pas dépasser le plafond mensuel.");
        assertThat(page.getByLabel("Plafond par commande")).hasAttribute("aria-invalid", "true");
        var saved = api.get("/api/v1/household/settings", household.token());
        assertThat(saved.text("orderLimit")).as(saved.raw()).isNull();
        page.navigate(api.base() + "/shop/settings?lang=en");
    }

    @Test
    void theDevicePageShowsThePauseAndTheConsentThatApplyAndTheLanguageLinksStayOnThePage() {
        var goods = goods();
        var signedIn = signedInWithAButton();
        var household = signedIn.household();
        var device = signedIn.device();
        bind(goods, "6.00", "CANCEL_WINDOW");
        assertThat(page.locator("[data-slot-id='main'] .consent"))
                .hasText("Cancel window: ordered at once, cancellable for a while (the household's setting)");

        // The device's own mode is the one that applies, and the slot says so.
        page.getByLabel("Consent").selectOption("CONFIRM_EACH");
        button("Save").click();
        assertThat(page.locator("[data-slot-id='main'] .consent")).hasText("Confirm each order (set for this device)");

        // Pausing every device shows on each device, though its own pause is off.
        nav("Settings");
        button("Pause all devices").click();
        nav("Devices");
        assertThat(page.locator("#device-table [data-device-id='" + device.deviceId() + "'] .status"))
                .hasText("Paused (all devices)");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(device.serial()))
                .click();
        assertThat(page.locator("#device-status")).hasText("Paused (all devices)");
        assertThat(page.locator("#household-paused")).isVisible();

        // A search answers at the draft's address, which takes only forms: the language links lead
        // to the slot's page itself.
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Change the binding"))
                .click();
        page.getByLabel("Search products by name, brand or GTIN").fill(goods.brand());
        button("Search").click();
        // The one match is chosen already, and the page says so rather than "no product matches".
        assertThat(page.getByText("Every product that matches is chosen already."))
                .isVisible();
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Deutsch")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Fach main belegen")))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url())
                .endsWith("/shop/devices/" + device.deviceId() + "/slots/main?lang=de");
        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("English")).click();
    }

    @Test
    void anAccountThatIsNotAHouseholdIsTurnedAwayWithAPageThatSaysWhy() {
        var merchant = town.account("MERCHANT");
        signIn(merchant);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("ROLE_REQUIRED");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The household app is for household accounts.");
    }

    @Test
    void onAPhoneTheOrdersAndTheSlotDetailsFitTheScreen() {
        var goods = goods();
        var signedIn = signedInWithAButton();
        var device = signedIn.device();
        bind(goods, "6.00", "CANCEL_WINDOW");
        try (var button = simulated(device)) {
            var press = button.press("main", "press-" + UUID.randomUUID(), 1);
            assertThat(press.field("orderId")).as(press.body()).isNotBlank();
        }

        page.setViewportSize(375, 740);
        for (var language : List.of("en", "de", "fr")) {
            page.navigate(api.base() + "/shop/orders?lang=" + language);
            assertThat(page.locator("#order-table tbody tr")).hasCount(1);
            assertThat(sidewaysScroll()).as("the orders page, " + language).isZero();

            page.navigate(api.base() + "/shop/devices/" + device.deviceId());
            var spilt = page.evaluate("""
                    [...document.querySelectorAll('article.slot')].flatMap(card => [...card.querySelectorAll('dt, dd, dd *')]
                        .filter(e => e.getBoundingClientRect().right > card.getBoundingClientRect().right)
                        .map(e => e.tagName + ': ' + e.textContent.trim()))""");
            assertThat((List<?>) spilt)
                    .as("slot details past their card, " + language)
                    .isEmpty();
            assertThat(sidewaysScroll()).as("the device page, " + language).isZero();
        }
    }

    /** How far the page scrolls sideways: zero when it fits the screen. */
    private int sidewaysScroll() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .intValue();
    }

    @Test
    void theConsentChoicesShowTheirWholeText() {
        var signedIn = signedInWithAButton();
        var device = signedIn.device();
        for (var language : List.of("en", "de", "fr")) {
            page.navigate(api.base() + "/shop/devices/" + device.deviceId() + "?lang=" + language);
            assertThat(roomLeftByTheWidestOption(page.locator("select[name=consent]")))
                    .as("device page, " + language)
                    .isNotNegative();
            page.navigate(api.base() + "/shop/devices/" + device.deviceId() + "/slots/main");
            assertThat(roomLeftByTheWidestOption(page.locator("select[name=consent]")))
                    .as("slot page, " + language)
                    .isNotNegative();
        }
    }

    /** The select's inner width less the width of its longest option's text: negative when cut off. */
    private static double roomLeftByTheWidestOption(Locator select) {
        return ((Number) select.evaluate("""
                        select => {
                          const style = getComputedStyle(select);
                          const text = document.createElement('canvas').getContext('2d');
                          text.font = style.font;
                          const widest = Math.max(...[...select.options].map(o => text.measureText(o.text).width));
                          return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - widest;
                        }""")).doubleValue();
    }

    private void signInFrom(String path, Neighbourhood.Account account) {
        page.context().clearCookies();
        page.navigate(api.base() + path);
        page.getByLabel("E-mail").fill(account.email());
        page.getByLabel("Password").fill("password-1234");
        button("Sign in").click();
    }

    @Test
    void signingInLandsInTheAccountsOwnAppUnlessItAskedForAPageFirst() {
        var household = town.account("HOUSEHOLD");
        signInFrom("/login", household);
        assertThat(page).hasURL(api.base() + "/shop");
        signInFrom("/shop/devices", household);
        // Spring adds "?continue" to the page it goes back to.
        assertThat(page).hasURL(Pattern.compile("/shop/devices(\\?continue)?$"));
        signInFrom("/login", town.account("MERCHANT"));
        assertThat(page).hasURL(api.base() + "/merchant");
        signInFrom("/login", town.account("MAKER"));
        assertThat(page).hasURL(api.base() + "/");
    }

    @Test
    void theSignInPageSpeaksTheLanguageChosenInTheApp() {
        var household = town.account("HOUSEHOLD");
        page.context().addCookies(List.of(new Cookie("corner-lang", "de").setUrl(api.base())));
        page.navigate(api.base() + "/login");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        page.getByLabel("E-Mail").fill(household.email());
        page.getByLabel("Passwort").fill("not-the-password");
        button("Anmelden").click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("E-Mail-Adresse oder Passwort ist falsch.");

        page.context().addCookies(List.of(new Cookie("corner-lang", "fr").setUrl(api.base())));
        page.navigate(api.base() + "/login");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        page.getByLabel("Adresse e-mail").fill(household.email());
        page.getByLabel("Mot de passe").fill("password-1234");
        button("Se connecter").click();
        assertThat(page).hasURL(api.base() + "/shop");
        // French sets a colon apart with a non-breaking space, which the app's text keeps.
        assertThat((String) page.locator("#month-total").locator("xpath=..").evaluate("p => p.textContent"))
                .contains("Total de ce mois\u00a0:");
    }
}
