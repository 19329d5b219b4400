package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /} shows stores, stock and recent orders read from the database; the sign-in page is there. */
@CornerTest
class HomePageTest {

    @LocalServerPort
    int port;

    @Test
    void theFrontPageShowsLiveStockFromTheDatabase() {
        var api = new Api(port);
        var shop = new Neighbourhood(api).shop(7);
        var page = api.sendRaw("GET", "/", null, new byte[0], java.util.Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("data-store-id=\"" + shop.storeId() + "\"");
        assertThat(page.raw()).contains("hx-trigger=\"every 3s\"");

        var fragment = api.sendRaw("GET", "/home/live", null, new byte[0], java.util.Map.of("Accept", "text/html"));
        assertThat(fragment.raw()).contains(shop.storeId()).doesNotContain("<html");
    }

    @Test
    void ordersAreNotShownToAnonymousVisitors() {
        var api = new Api(port);
        var town = new Neighbourhood(api);
        var household = town.householdWithButton(town.shop(3));
        var orderId = new dev.corner.DeviceClient(
                        api, household.device().deviceId(), household.device().secret(), java.time.Clock.systemUTC())
                .press("main", "anonymous-view")
                .text("orderId");
        var page = api.sendRaw("GET", "/", null, new byte[0], java.util.Map.of("Accept", "text/html"));
        assertThat(page.raw()).doesNotContain(orderId).contains("to see your orders");
    }

    @Test
    void theSignInPageAndHealthAreOpen() {
        var api = new Api(port);
        var login = api.sendRaw("GET", "/login", null, new byte[0], java.util.Map.of("Accept", "text/html"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw()).contains("name=\"username\"").contains("name=\"_csrf\"");
        assertThat(api.get("/actuator/health", null).text("status")).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
    }
}
