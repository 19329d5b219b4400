package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printable receipt page, for the staff of the store and nobody else. */
@CornerTest
class ReceiptInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    private void signIn(Api api, String email) {
        page.navigate(api.base() + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Sign in"))
                .click();
    }

    @Test
    void staffPrintTheReceiptOfASaleAndOtherMerchantsCannotSeeIt() {
        var api = new Api(port);
        var town = new Neighbourhood(api);
        var shop = town.shop(5);
        var clerk = town.staff(shop, false, false);
        var saleId = "till-" + UUID.randomUUID();
        var sold = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                clerk.token(),
                Map.of(
                        "saleId", saleId,
                        "lines", List.of(Map.of("productId", shop.productId(), "quantity", 2)),
                        "tenders",
                                List.of(Map.of("type", "CASH", "amount", Map.of("amount", 1000, "currency", "EUR")))));
        org.assertj.core.api.Assertions.assertThat(sold.status()).isEqualTo(201);
        var url = api.base() + "/pos/stores/" + shop.storeId() + "/receipts/" + saleId;

        signIn(api, clerk.email());
        page.navigate(url);
        assertThat(page.locator("#sale-id")).hasText(saleId);
        assertThat(page.locator("#total")).hasText("9.98 EUR");
        assertThat(page.locator("#change")).hasText("0.02 EUR");
        assertThat(page.getByText("served by Sam Staff")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Print")))
                .isVisible();

        page.context().clearCookies();
        var rival = town.account("MERCHANT");
        signIn(api, rival.email());
        var response = page.navigate(url);
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
    }
}
