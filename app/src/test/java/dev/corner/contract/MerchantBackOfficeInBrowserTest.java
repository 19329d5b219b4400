package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The merchant's back office in a real browser: stock, receiving, adjusting, alerts, counts, imports. */
@CornerTest
class MerchantBackOfficeInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    Api api;
    Neighbourhood town;

    @BeforeEach
    void connect() {
        api = new Api(port);
        town = new Neighbourhood(api);
        // Alerts arrive within a few seconds; the unread badge refreshes every 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    private void signIn(Neighbourhood.Account merchant) {
        page.navigate(api.base() + "/merchant");
        page.getByLabel("E-mail").fill(merchant.email());
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Your stores")))
                .isVisible();
    }

    private String gtin(Neighbourhood.Shop shop) {
        return api.get("/api/v1/products/" + shop.productId(), shop.merchant().token())
                .text("gtin");
    }

    private Locator row(String gtin) {
        return page.locator("#stock-table tr[data-gtin='" + gtin + "']");
    }

    private void openStore(Neighbourhood.Shop shop) {
        page.locator("[data-store-id='" + shop.storeId() + "'] a").click();
        assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Stock")))
                .isVisible();
    }

    private void nav(String name) {
        page.getByRole(AriaRole.NAVIGATION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Store"))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }

    @Test
    void aMerchantReceivesAndAdjustsStockAndIsAlertedWhenItRunsLow() {
        var shop = town.shop(10);
        var gtin = gtin(shop);
        var other = town.product(shop.merchant()); // a second product, to see the search narrow the list
        town.receive(shop.merchant(), shop.storeId(), other, 50);
        api.put(
                "/api/v1/stores/" + shop.storeId() + "/stock/" + shop.productId() + "/reorder-policy",
                shop.merchant().token(),
                Map.of("leadTimeDays", 0, "safetyStock", 3, "coverDays", 7));
        signIn(shop.merchant());
        openStore(shop);

        assertThat(row(gtin).locator("td.on-hand")).hasText("10");
        assertThat(page.locator("#stock-table tbody tr")).hasCount(2);
        page.getByLabel("Search by name, brand or GTIN").fill(gtin);
        assertThat(page.locator("#stock-table tbody tr")).hasCount(1);

        nav("Receive");
        page.getByLabel("Supplier delivery note").fill("DN-4711");
        page.locator("input[name=gtin]").first().fill(gtin);
        page.locator("input[name=amount]").first().fill("5");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Receive"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Received 1 line on delivery note DN-4711.");
        assertThat(town.level(shop).onHand()).isEqualTo(15);
        var movements = api.get(
                "/api/v1/stores/" + shop.storeId() + "/stock/" + shop.productId() + "/movements",
                shop.merchant().token());
        assertThat(movements.body().get("movements").get(0).get("reference").asString())
                .isEqualTo("DN-4711");

        // A bad GTIN is refused with its code, and what was typed stays.
        page.locator("input[name=gtin]").first().fill("12345");
        page.locator("input[name=amount]").first().fill("1");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Receive"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INVALID_GTIN");
        assertThat(page.locator("input[name=gtin]").first()).hasValue("12345");
        assertThat(town.level(shop).onHand()).isEqualTo(15);

        nav("Adjust");
        page.getByLabel("Reason").selectOption("DAMAGED");
        page.getByLabel("Note").fill("crate dropped");
        page.locator("input[name=gtin]").first().fill(gtin);
        page.locator("input[name=amount]").first().fill("-13");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Adjust"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Adjusted 1 line (DAMAGED).");

        nav("Stock");
        assertThat(row(gtin).locator("td.on-hand")).hasText("2");
        assertThat(row(gtin).locator("td.state")).hasText("Low");
        page.getByLabel("Show").selectOption("low");
        assertThat(page.locator("#stock-table tbody tr")).hasCount(1);

        // The alert comes by itself: the badge in the header refreshes.
        assertThat(page.locator("#alerts-badge")).hasText("1 new");
        page.locator("#alerts-link").click();
        var alert = page.locator("ul.alerts li.unread");
        assertThat(alert).hasCount(1);
        assertThat(alert).containsText("Low stock: Dish tablets");
        assertThat(alert).containsText("2 available, reorder point 3");
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark read"))
                .click();
        assertThat(page.locator("ul.alerts li.unread")).hasCount(0);
        assertThat(page.locator("ul.alerts li.read")).hasCount(1);

        page.locator("ul.alerts li a").first().click(); // "Low stock at <store>"
        assertThat(page.locator("#low-table tr[data-gtin='" + gtin + "'] td.suggested"))
                .hasText("1"); // up to the point (3) less the 2 there, no sales to cover
    }

    @Test
    void aCountShowsItsVarianceAndATransferMovesStockToAnotherOwnStore() {
        var shop = town.shop(10);
        var gtin = gtin(shop);
        var second = town.store(shop.merchant());
        signIn(shop.merchant());
        openStore(shop);

        nav("Count");
        page.locator("input[name=gtin]").first().fill(gtin);
        page.locator("input[name=amount]").first().fill("8");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Book the count"))
                .click();
        var variance = page.locator("#variances tbody tr");
        assertThat(variance.locator("td").nth(1)).hasText("10");
        assertThat(variance.locator("td").nth(2)).hasText("8");
        assertThat(variance.locator("td.variance")).hasText("-2");

        nav("Transfer");
        page.getByLabel("To store").selectOption(second);
        page.locator("input[name=gtin]").first().fill(gtin);
        page.locator("input[name=amount]").first().fill("20");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Transfer"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("INSUFFICIENT_STOCK");

        page.locator("input[name=amount]").first().fill("3");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Transfer"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Sent 1 line to");
        assertThat(town.level(shop).onHand()).isEqualTo(5);
        assertThat(town.onHand(shop.merchant(), second, shop.productId())).isEqualTo(3);

        // A shift at the till, then its Z-report and the sale in the back office.
        var token = shop.merchant().token();
        var base = "/api/v1/stores/" + shop.storeId();
        var register =
                api.post(base + "/registers", token, Map.of("name", "Till 1")).text("registerId");
        var shiftId = api.post(
                        base + "/registers/" + register + "/shifts",
                        token,
                        Map.of("openingFloat", Map.of("amount", 5000, "currency", "EUR")))
                .text("shiftId");
        var sale = api.post(
                base + "/sales",
                token,
                Map.of(
                        "saleId",
                        "web-" + shiftId,
                        "registerId",
                        register,
                        "lines",
                        java.util.List.of(Map.of("productId", shop.productId(), "quantity", 2)),
                        "tenders",
                        java.util.List.of(
                                Map.of("type", "CASH", "amount", Map.of("amount", 1000, "currency", "EUR")))));
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
        nav("Sales");
        assertThat(page.locator("#sales tr[data-sale-id='web-" + shiftId + "']"))
                .containsText("9.98 EUR");
        var shift = page.locator("[data-shift-id='" + shiftId + "']");
        assertThat(shift.locator("dd.sales")).hasText("1");
        assertThat(shift.locator("dd.sales-total")).hasText("9.98 EUR");
        assertThat(shift).containsText("open");
    }

    @Test
    void aCsvImportShowsItsProgressAndItsResultAndABadFileItsBadRows() {
        var shop = town.shop(10);
        var gtin = gtin(shop);
        var newGtin = Neighbourhood.randomGtin();
        signIn(shop.merchant());
        openStore(shop);

        nav("Import / export");
        page.getByLabel("CSV file")
                .setInputFiles(new FilePayload(
                        "stock.csv",
                        "text/csv",
                        ("gtin,name,brand,unit,price,onHand\n" + gtin + ",,,,5.25,7\n" + newGtin
                                        + ",Oat milk,Oatly,bottle,1.99,12\n")
                                .getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Import"))
                .click();
        assertThat(page.locator("#import-status")).hasText("DONE");
        assertThat(page.locator("#import-result")).containsText("Imported 2 rows: 1 new products");
        assertThat(page.locator("#rows-applied")).hasAttribute("value", "2");
        assertThat(town.level(shop).onHand()).isEqualTo(7);

        page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("See the stock"))
                .click();
        assertThat(row(newGtin).locator("td.on-hand")).hasText("12");

        nav("Import / export");
        page.getByLabel("CSV file")
                .setInputFiles(new FilePayload(
                        "bad.csv",
                        "text/csv",
                        ("gtin,onHand\n" + gtin + ",1\n12345,2\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Import"))
                .click();
        assertThat(page.locator("#import-status")).hasText("REFUSED");
        assertThat(page.locator("#import-problem")).containsText("IMPORT_REFUSED");
        assertThat(page.locator("#bad-rows tbody tr")).hasCount(1);
        assertThat(page.locator("#bad-rows tbody tr td").first()).hasText("2");
        assertThat(town.level(shop).onHand()).isEqualTo(7);

        nav("Import / export");
        var download = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(download.suggestedFilename()).isEqualTo("stock-" + shop.storeId() + ".csv");
    }

    @Test
    void anotherMerchantsStoreIsNotFoundAndAHouseholdIsTurnedAway() {
        var shop = town.shop(1);
        var stranger = town.account("MERCHANT");
        signIn(stranger);
        assertThat(page.locator("[data-store-id]")).hasCount(0);

        var response = page.navigate(api.base() + "/merchant/stores/" + shop.storeId() + "/stock");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("STORE_NOT_FOUND");

        page.context().clearCookies();
        var household = town.account("HOUSEHOLD");
        page.navigate(api.base() + "/merchant");
        page.getByLabel("E-mail").fill(household.email());
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("ROLE_REQUIRED");
    }
}
