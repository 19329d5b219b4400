package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import dev.corner.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The front page in a real browser: live stock and orders, and the web sign-in. */
@CornerTest
class FrontPageInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void anOrderFromAButtonAppearsWithoutReloadingThePage() {
        var api = new Api(port);
        var town = new Neighbourhood(api);
        var shop = town.shop(4);
        var household = town.householdWithButton(shop);
        page.navigate(api.base() + "/");
        var store = page.locator("[data-store-id='" + shop.storeId() + "']");
        assertThat(store.locator("td.available")).hasText("4");

        var press = new DeviceClient(
                        api, household.device().deviceId(), household.device().secret(), clock)
                .press("main", "browser-1");

        // htmx refreshes the live section every 3 s: the order and the reservation show up by themselves.
        assertThat(page.locator("[data-order-id='" + press.text("orderId") + "'] td.status"))
                .hasText("PLACED");
        assertThat(store.locator("td.available")).hasText("3");
    }

    @Test
    void aMerchantSignsInOnTheWebAndOut() {
        var api = new Api(port);
        var merchant = new Neighbourhood(api).account("MERCHANT");
        page.navigate(api.base() + "/login");
        page.getByLabel("E-mail").fill(merchant.email());
        page.getByLabel("Password").fill("wrong-password");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator(".error")).hasText("E-mail or password is wrong.");

        page.getByLabel("E-mail").fill(merchant.email());
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("#signed-in")).containsText(merchant.email());

        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator("#signed-in")).hasCount(0);
    }
}
