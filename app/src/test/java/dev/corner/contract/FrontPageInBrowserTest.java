package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import dev.corner.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The front page in a real browser: live stock, the signed-in household's orders, sign-in and out. */
@CornerTest
class FrontPageInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private void signIn(Api api, String email, String password) {
        page.navigate(api.base() + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign in"))
                .click();
    }

    @Test
    void aHouseholdSeesItsButtonOrderAppearWithoutReloadingThePage() {
        var api = new Api(port);
        var town = new Neighbourhood(api);
        var shop = town.shop(4);
        var household = town.householdWithButton(shop);
        signIn(api, household.account().email(), "password-1234");
        assertThat(page).hasURL(api.base() + "/shop"); // a household lands in its own app
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
        signIn(api, merchant.email(), "wrong-password");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("E-mail or password is wrong.");

        signIn(api, merchant.email(), "password-1234");
        assertThat(page.locator("#signed-in")).containsText(merchant.email());

        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator("#signed-in")).hasCount(0);
        assertThat(page.getByText("Sign in to see your orders.")).isVisible();
    }
}
