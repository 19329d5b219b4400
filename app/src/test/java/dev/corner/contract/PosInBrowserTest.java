package dev.corner.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.corner.Api;
import dev.corner.BrowserTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import dev.corner.Neighbourhood.Account;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code /pos} register in a real browser: staff sign in, open a shift and sell by scanning;
 * split tenders with a declined card first; a return from a receipt; and a sale rung up offline
 * that reaches the server twice on reconnect and is recorded once. Outcomes are checked through
 * the API, as the merchant would see them.
 */
@CornerTest
class PosInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    GreenMail smtp;

    Api api;
    Neighbourhood town;

    /** A store with a register and two products on the shelf: tea at 1.99 (10 on hand), soap at 3.49 (5). */
    record Shop(Account owner, String storeId, String registerId, Item tea, Item soap) {}

    record Item(String productId, String gtin) {}

    @BeforeEach
    void connect() {
        api = new Api(port);
        town = new Neighbourhood(api);
    }

    private static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    private Shop shop() {
        var owner = town.account("MERCHANT");
        var storeId = town.store(owner);
        var tea = item(owner, storeId, "Green tea", 199, 10);
        var soap = item(owner, storeId, "Olive soap", 349, 5);
        var register = api.post("/api/v1/stores/" + storeId + "/registers", owner.token(), Map.of("name", "Till 1"));
        assertThat(register.status()).as(register.raw()).isEqualTo(201);
        return new Shop(owner, storeId, register.text("registerId"), tea, soap);
    }

    private Item item(Account owner, String storeId, String name, long cents, long stock) {
        var gtin = Neighbourhood.randomGtin();
        var product = api.post(
                "/api/v1/products",
                owner.token(),
                Map.of("gtin", gtin, "name", name, "brand", "Corner", "unit", "piece"));
        assertThat(product.status()).as(product.raw()).isEqualTo(201);
        var productId = product.text("productId");
        town.offer(owner, storeId, productId, cents);
        town.receive(owner, storeId, productId, stock);
        return new Item(productId, gtin);
    }

    /** A staff member of the shop, signing in with the e-mail returned and {@code password-1234}. */
    private String staff(Shop shop, boolean canDiscount, boolean canRefund) {
        var email = "staff-" + UUID.randomUUID() + "@test.corner.dev";
        var added = api.post(
                "/api/v1/stores/" + shop.storeId() + "/staff",
                shop.owner().token(),
                Map.of(
                        "email",
                        email,
                        "name",
                        "Sam Staff",
                        "password",
                        "password-1234",
                        "canDiscount",
                        canDiscount,
                        "canRefund",
                        canRefund));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return email;
    }

    private long onHand(Shop shop, Item item) {
        return town.onHand(shop.owner(), shop.storeId(), item.productId());
    }

    private Api.Response sale(Shop shop, String saleId) {
        return api.get(
                "/api/v1/stores/" + shop.storeId() + "/sales/" + saleId,
                shop.owner().token());
    }

    private Api.Response salesOf(Shop shop) {
        return api.get(
                "/api/v1/stores/" + shop.storeId() + "/sales?registerId=" + shop.registerId(),
                shop.owner().token());
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getAllRecipients())
                    .anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Driving the register ----

    /** Signs in through /pos (which sends to the sign-in form and back), opens a shift with a float. */
    private void openShift(Shop shop, String email, String cashFloat) {
        page.navigate(api.base() + "/pos");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("password-1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        // One store to work in: it is chosen at once, and its registers are listed.
        page.locator("[data-register-id='" + shop.registerId() + "']").click();
        page.getByLabel("Cash float in the drawer").fill(cashFloat);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open shift"))
                .click();
        assertThat(page.locator("#screen-sell")).isVisible();
        assertThat(page.locator("#connection")).hasText("Online");
    }

    /** What a barcode scanner does: types the digits into the focused scan box, then Enter. */
    private void scan(Item item) {
        var box = page.locator("#scan-input");
        assertThat(box).isFocused();
        box.pressSequentially(item.gtin());
        box.press("Enter");
    }

    private void assertLine(Item item, String quantity) {
        assertThat(page.locator("#basket tr[data-product-id='" + item.productId() + "'] .qty-input"))
                .hasValue(quantity);
    }

    private String saleIdOnReceipt() {
        var saleId = page.locator("#done-receipt .sale-id");
        assertThat(saleId).isVisible();
        return saleId.textContent().strip();
    }

    // ---- The tests ----

    @Test
    void staffSellForCashByScanningTheChangeIsShownTheStockMovesAndTheReceiptIsEmailed() {
        var shop = shop();
        openShift(shop, staff(shop, false, false), "100.00");
        assertThat(page.locator("#where")).containsText("Sam Staff");

        // Reloaded, the register asks for its setup with the ETag of its copy: unchanged, 304.
        var again = page.waitForResponse(response -> response.url().endsWith("/pos/setup"), () -> page.reload());
        assertThat(again.status()).isEqualTo(304);
        assertThat(page.locator("#screen-sell")).isVisible();

        scan(shop.tea());
        scan(shop.soap());
        scan(shop.tea());
        assertLine(shop.tea(), "2");
        assertLine(shop.soap(), "1");
        assertThat(page.locator("#total")).hasText("€7.47");
        // This staff member may not give discounts: the register does not offer them.
        assertThat(page.locator(".discount-input").first()).isHidden();
        assertThat(page.locator("#basket-discount")).isHidden();

        page.keyboard().press("F6");
        assertThat(page.locator("#cash-given")).isFocused();
        assertThat(page.locator("#cash-given")).hasValue("7.47");
        page.locator("#cash-given").fill("20");
        assertThat(page.locator("#change")).hasText("€12.53");
        page.keyboard().press("Enter");

        assertThat(page.locator("#done-change")).hasText("€12.53");
        var saleId = saleIdOnReceipt();
        assertThat(page.locator("#done-receipt .receipt-total")).hasText("€7.47");

        var recorded = sale(shop, saleId);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        assertThat(recorded.body().get("total").get("amount").asLong()).isEqualTo(747);
        assertThat(recorded.body().get("change").get("amount").asLong()).isEqualTo(1253);
        assertThat(recorded.text("servedBy")).isEqualTo("Sam Staff");
        assertThat(onHand(shop, shop.tea())).isEqualTo(8);
        assertThat(onHand(shop, shop.soap())).isEqualTo(4);

        // The receipt: a printable page of its own, and by e-mail.
        assertThat(page.locator("#receipt-page"))
                .hasAttribute("href", "/pos/stores/" + shop.storeId() + "/receipts/" + saleId);
        var customer = "customer-" + UUID.randomUUID() + "@test.corner.dev";
        page.getByLabel("E-mail receipt to").fill(customer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.locator("#email-status")).hasText("Receipt sent to " + customer + ".");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(mail -> sentTo(mail, customer)));

        // Enter starts the next sale with an empty basket.
        page.keyboard().press("Enter");
        assertThat(page.locator("#scan-input")).isFocused();
        assertThat(page.locator("#basket-empty")).isVisible();
    }

    @Test
    void aSplitSaleTakesCardAndCashAfterTheFirstCardIsDeclinedAndTheShiftClosesWithAZReport() {
        var shop = shop();
        openShift(shop, shop.owner().email(), "50");

        scan(shop.tea());
        scan(shop.soap());
        scan(shop.soap());
        // The owner may give discounts: 10 % off the soap line (6.98 less 0.70).
        var soapDiscount =
                page.locator("#basket tr[data-product-id='" + shop.soap().productId() + "'] .discount-input");
        soapDiscount.fill("10");
        soapDiscount.press("Tab");
        assertThat(page.locator("#total")).hasText("€8.27");

        page.locator("#scan-input").focus();
        page.keyboard().press("F8");
        page.locator("#card-amount").fill("5");
        assertThat(page.locator("#cash-given")).hasValue("3.27");
        page.locator("#cash-given").fill("5");
        assertThat(page.locator("#change")).hasText("€1.73");
        page.locator("#test-card").selectOption("DECLINED");
        page.keyboard().press("Enter");
        assertThat(page.locator("#payment-status")).containsText("Card declined");
        var basketSaleId = page.evaluate("JSON.parse(localStorage.getItem('corner.pos.basket.v1')).basket.saleId");
        assertThat(sale(shop, (String) basketSaleId).status()).isEqualTo(404);

        page.locator("#test-card").selectOption("APPROVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                .click();

        assertThat(page.locator("#done-change")).hasText("€1.73");
        assertThat(page.locator("#done-receipt tr.tender[data-type='CARD']")).containsText("€5.00");
        assertThat(page.locator("#done-receipt tr.tender[data-type='CASH']")).containsText("€5.00");
        var saleId = saleIdOnReceipt();
        assertThat(saleId).isEqualTo(basketSaleId);

        var recorded = sale(shop, saleId);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        var tenders = recorded.body().get("tenders");
        assertThat(tenders).hasSize(2);
        assertThat(tenders.get(0).get("type").asString()).isEqualTo("CARD");
        assertThat(tenders.get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(tenders.get(0).get("amount").get("amount").asLong()).isEqualTo(500);
        assertThat(tenders.get(1).get("type").asString()).isEqualTo("CASH");
        assertThat(recorded.body().get("total").get("amount").asLong()).isEqualTo(827);
        assertThat(recorded.body().get("change").get("amount").asLong()).isEqualTo(173);
        assertThat(onHand(shop, shop.tea())).isEqualTo(9);
        assertThat(onHand(shop, shop.soap())).isEqualTo(3);

        // Closing the shift: the drawer holds the 50.00 float and 3.27 of cash (5.00 less 1.73 change).
        page.locator("#menu [data-go='close']").click();
        page.getByLabel("Cash counted in the drawer").fill("53.27");
        page.locator("#close-shift button[type='submit']").click();
        var report = page.locator("#z-report");
        assertThat(report.locator("h3")).hasText("Z-report");
        assertThat(report.locator("[data-field='sales']")).hasText("1");
        assertThat(report.locator("[data-field='byTender']")).containsText("CARD €5.00");
        assertThat(report.locator("[data-field='discounts']")).hasText("€0.70");
        assertThat(report.locator("[data-field='expectedCash']")).hasText("€53.27");
        assertThat(report.locator("[data-field='variance']")).hasText("€0.00");
        assertThat(page.locator("#menu")).isHidden();
        var registers = api.get(
                "/api/v1/stores/" + shop.storeId() + "/registers", shop.owner().token());
        assertThat(registers.body().get("registers").get(0).get("openShiftId").isNull())
                .isTrue();
    }

    @Test
    void aReturnFromAReceiptRefundsTheCardFirstRestocksOneLineAndWritesOffTheOther() {
        var shop = shop();
        // Yesterday's sale: two teas and a soap (7.47), paid 3.00 by card and 5.00 cash.
        var saleId = "till1-" + UUID.randomUUID();
        var body = new HashMap<String, Object>();
        body.put("saleId", saleId);
        body.put(
                "lines",
                List.of(
                        Map.of("productId", shop.tea().productId(), "quantity", 2),
                        Map.of("productId", shop.soap().productId(), "quantity", 1)));
        body.put(
                "tenders",
                List.of(
                        Map.of("type", "CARD", "amount", eur(300), "terminalId", "term-" + shop.registerId()),
                        Map.of("type", "CASH", "amount", eur(500))));
        var sold = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales", shop.owner().token(), body);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);

        openShift(shop, staff(shop, false, true), "0");
        page.keyboard().press("F9");
        page.getByLabel("Receipt (sale) number").fill(saleId);
        page.keyboard().press("Enter");

        var tea = page.locator("#return-lines tr[data-product-id='" + shop.tea().productId() + "']");
        var soap =
                page.locator("#return-lines tr[data-product-id='" + shop.soap().productId() + "']");
        assertThat(tea.locator("td").nth(1)).hasText("2");
        tea.locator(".return-qty").fill("1");
        soap.locator(".return-qty").fill("1");
        soap.locator(".restock").uncheck(); // the soap came back opened: written off
        page.getByLabel("Reason").fill("changed mind");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund"))
                .click();

        // 1.99 + 3.49 = 5.48: the card's 3.00 first, the rest in cash.
        assertThat(page.locator("#refund-total")).hasText("€5.48");
        assertThat(page.locator("#refund-tenders li[data-type='CARD']")).containsText("€3.00");
        assertThat(page.locator("#refund-tenders li[data-type='CASH']")).containsText("€2.48");

        assertThat(onHand(shop, shop.tea())).isEqualTo(9); // 10 − 2 sold + 1 back on the shelf
        assertThat(onHand(shop, shop.soap())).isEqualTo(4); // 5 − 1 sold, written off when returned
        var returns = sale(shop, saleId).body().get("returns");
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).get("refund").get("amount").asLong()).isEqualTo(548);

        // The same receipt again: what was returned is shown, and only one tea is left to return.
        page.getByLabel("Receipt (sale) number").fill(saleId);
        page.keyboard().press("Enter");
        assertThat(tea.locator("td").nth(2)).hasText("1");
        assertThat(tea.locator(".return-qty")).hasAttribute("max", "1");
        assertThat(soap.locator(".return-qty")).isDisabled();
    }

    @Test
    void aSaleAndAPaidOutMadeOfflineAreKeptThroughAReloadSentTwiceOnReconnectAndRecordedOnce() {
        var shop = shop();
        openShift(shop, shop.owner().email(), "20");

        // Sales reach the server or not as this test says; it counts those that did.
        var mode = new AtomicReference<>("PASS");
        var reachedServer = new AtomicInteger();
        page.route("**/api/v1/stores/*/sales", route -> {
            if (!route.request().method().equals("POST")) {
                route.resume();
                return;
            }
            switch (mode.get()) {
                case "BLOCK" -> route.abort();
                case "LOSE_ANSWER" -> {
                    // The sale reaches the server, which records it; the answer never reaches the register.
                    mode.set("PASS");
                    reachedServer.incrementAndGet();
                    route.fetch();
                    route.abort();
                }
                default -> {
                    reachedServer.incrementAndGet();
                    route.resume();
                }
            }
        });

        // The first answer to the paid-out gets lost too, once the server is back.
        var cashSends = new AtomicInteger();
        page.route("**/api/v1/stores/*/shifts/*/cash", route -> {
            if (cashSends.incrementAndGet() == 1) {
                route.fetch();
                route.abort();
            } else {
                route.resume();
            }
        });

        // The register has kept a copy of itself for opening offline.
        assertThat(page.locator("body[data-offline-ready='true']")).hasCount(1);
        mode.set("BLOCK");
        page.context().setOffline(true);
        assertThat(page.locator("#connection")).hasText("Offline");
        scan(shop.tea());
        scan(shop.tea());
        page.keyboard().press("F6");
        page.locator("#cash-given").fill("5");
        page.keyboard().press("Enter");

        assertThat(page.locator("#done-offline")).isVisible();
        assertThat(page.locator("#done-change")).hasText("€1.02");
        var saleId = saleIdOnReceipt();
        assertThat(page.locator("#pending-count")).hasText("1");
        assertThat(sale(shop, saleId).status()).isEqualTo(404);

        // Cash paid out of the drawer while offline waits too.
        page.locator("#menu [data-go='cash']").click();
        page.locator("#cash-move [name='amount']").fill("3.00");
        page.locator("#cash-move [name='note']").fill("window cleaner");
        page.locator("#cash-move button[value='PAID_OUT']").click();
        assertThat(page.locator("#cash-status")).containsText("Offline");
        assertThat(page.locator("#pending-count")).hasText("2");
        page.locator("#menu [data-go='sell']").click();

        // Reloaded while offline: the register opens from its own copy, with both still waiting.
        var reloaded = page.reload();
        assertThat(reloaded.fromServiceWorker()).isTrue();
        assertThat(page.locator("#screen-sell")).isVisible();
        assertThat(page.locator("#pending-count")).hasText("2");
        assertThat(page.locator("#scan-input")).isFocused();

        // The network is back but the server is still out of reach.
        page.context().setOffline(false);
        assertThat(page.locator("#pending-count")).hasText("2");
        assertThat(sale(shop, saleId).status()).isEqualTo(404);

        // The server is reachable again, and the first answer gets lost: the register sends again.
        mode.set("LOSE_ANSWER");
        page.locator("#pending-button").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send now"))
                .click();
        assertThat(page.locator("#pending-button")).isHidden();
        assertThat(page.locator("#sent-list tr[data-sale-id='" + saleId + "']")).isVisible();
        assertThat(reachedServer.get()).isEqualTo(2);

        var recorded = sale(shop, saleId);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        assertThat(recorded.text("madeOfflineAt")).isNotBlank();
        assertThat(recorded.body().get("total").get("amount").asLong()).isEqualTo(398);
        var listed = salesOf(shop).body().get("sales");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("saleId").asString()).isEqualTo(saleId);
        assertThat(listed.get(0).get("offline").asBoolean()).isTrue();
        assertThat(onHand(shop, shop.tea())).isEqualTo(8);

        // The paid-out reached the server twice and counts once, at the time it was made.
        assertThat(cashSends.get()).isEqualTo(2);
        var shiftId = api.get(
                        "/api/v1/stores/" + shop.storeId() + "/registers",
                        shop.owner().token())
                .body()
                .get("registers")
                .get(0)
                .get("openShiftId")
                .asString();
        var report = api.get(
                "/api/v1/stores/" + shop.storeId() + "/shifts/" + shiftId + "/report",
                shop.owner().token());
        assertThat(report.body().get("paidOut").get("amount").asLong()).isEqualTo(300);
        assertThat(report.body().get("expectedCash").get("amount").asLong()).isEqualTo(2000 + 398 - 300);
    }

    @Test
    void theRegistersTokenNeedsTheSessionAndItsCsrfTokenAndEndsAtSignOut() {
        var shop = shop();
        openShift(shop, shop.owner().email(), "0");
        var token = (String) page.evaluate("JSON.parse(sessionStorage.getItem('corner.pos.token')).token");
        assertThat(api.get("/api/v1/stores/" + shop.storeId() + "/registers", token)
                        .status())
                .isEqualTo(200);
        // Nothing in localStorage, which outlives the tab, holds it.
        assertThat((String) page.evaluate("JSON.stringify(localStorage)")).doesNotContain(token);

        // With the session cookie but without the page's CSRF token: refused.
        var forged = page.request().post(api.base() + "/web/token");
        assertThat(forged.status()).isEqualTo(403);
        // Without a session: refused.
        assertThat(api.post("/web/token", null, Map.of()).status()).isIn(401, 403);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(api.base() + "/");
        // The register's copy of itself for opening offline is gone with the session.
        assertThat(page.evaluate("caches.has('corner-pos-v1')")).isEqualTo(false);
        assertThat(api.get("/api/v1/stores/" + shop.storeId() + "/registers", token)
                        .status())
                .isEqualTo(401);
    }
}
