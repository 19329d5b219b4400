package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood.Account;
import dev.corner.Neighbourhood.Shop;
import dev.corner.payments.SimulatedTerminal;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The register's side of a store: staff and their rights, discounts, card and split tenders,
 * sales made offline, returns to the original tender, receipts, history and the Z-report.
 */
@CornerTest
class PosContractTest extends ContractTest {

    private static final String DECLINED_CARD = "4000000000000002";

    @Autowired
    SimulatedTerminal terminal;

    @Autowired
    GreenMail smtp;

    static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    static Map<String, Object> cash(long cents) {
        return Map.of("type", "CASH", "amount", eur(cents));
    }

    static Map<String, Object> card(long cents, String terminalId) {
        return Map.of("type", "CARD", "amount", eur(cents), "terminalId", terminalId);
    }

    static Map<String, Object> line(String productId, long quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    private Api.Response sell(Account who, Shop shop, Map<String, Object> sale) {
        return api.post("/api/v1/stores/" + shop.storeId() + "/sales", who.token(), sale);
    }

    private static Map<String, Object> sale(String saleId, List<?> lines, List<?> tenders) {
        var body = new HashMap<String, Object>();
        body.put("saleId", saleId);
        body.put("lines", lines);
        body.put("tenders", tenders);
        return body;
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private long amount(Api.Response response, String field) {
        return response.body().get(field).get("amount").asLong();
    }

    @Test
    void staffSellAtTheirStoreButGiveDiscountsOnlyWithTheRight() {
        var shop = town.shop(10);
        var plain = town.staff(shop, false, false);
        var senior = town.staff(shop, true, false);

        var ordinary = sell(plain, shop, sale(id("s"), List.of(line(shop.productId(), 1)), List.of(cash(500))));
        assertThat(ordinary.status()).as(ordinary.raw()).isEqualTo(201);

        var discounted = sale(
                id("s"),
                List.of(Map.of("productId", shop.productId(), "quantity", 4, "discountPercent", 10)),
                List.of(cash(2000)));
        discounted.put("basketDiscount", eur(100));
        var refused = sell(plain, shop, discounted);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("DISCOUNT_NOT_ALLOWED");

        var given = sell(senior, shop, discounted);
        assertThat(given.status()).as(given.raw()).isEqualTo(201);
        // 4 × 4.99 = 19.96; 10 % off is 2.00 (1.996 rounded); then 1.00 off the basket.
        assertThat(amount(given, "subtotal")).isEqualTo(1996);
        assertThat(amount(given, "discount")).isEqualTo(300);
        assertThat(amount(given, "total")).isEqualTo(1696);
        assertThat(amount(given, "change")).isEqualTo(304);
        assertThat(town.level(shop).onHand()).isEqualTo(5);
    }

    @Test
    void staffOfAnotherStoreAndFormerStaffAreTurnedAway() {
        var shop = town.shop(5);
        var other = town.shop(5);
        var stranger = town.staff(other, true, true);
        var sale = sale(id("s"), List.of(line(shop.productId(), 1)), List.of(cash(500)));
        assertThat(sell(stranger, shop, sale).status()).isEqualTo(404);

        var leaving = town.staff(shop, true, true);
        assertThat(api.get("/api/v1/stores", leaving.token())
                        .body()
                        .get("stores")
                        .get(0)
                        .get("storeId")
                        .asString())
                .isEqualTo(shop.storeId());
        var staffList = api.get(
                "/api/v1/stores/" + shop.storeId() + "/staff", shop.merchant().token());
        assertThat(staffList.body().get("staff").get(0).get("email").asString()).isEqualTo(leaving.email());
        assertThat(api.get("/api/v1/stores/" + shop.storeId() + "/staff", leaving.token())
                        .status())
                .isEqualTo(404);

        var removed = api.delete(
                "/api/v1/stores/" + shop.storeId() + "/staff/" + leaving.accountId(),
                shop.merchant().token());
        assertThat(removed.status()).isEqualTo(204);
        // Their API sessions ended with their job.
        assertThat(sell(leaving, shop, sale).status()).isEqualTo(401);
        assertThat(town.level(shop).onHand()).isEqualTo(5);
    }

    @Test
    void aStaffAccountCannotBeOpenedByAnyoneButAStoreOwner() {
        var opened = api.post(
                "/api/v1/accounts",
                null,
                Map.of(
                        "email", id("x") + "@test.corner.dev",
                        "password", "password-1234",
                        "name", "Self-made staff",
                        "role", "STAFF"));
        assertThat(opened.status()).isEqualTo(400);
        assertThat(opened.code()).isEqualTo("INVALID_ROLE");
    }

    @Test
    void aSplitTenderTakesCashAndCardAndOnlyCashGivesChange() {
        var shop = town.shop(10);
        var register = openRegister(shop, 5000);
        var body = sale(
                id("s"), List.of(line(shop.productId(), 3)), List.of(card(1000, "term-" + shop.storeId()), cash(500)));
        body.put("registerId", register.registerId());
        var split = sell(shop.merchant(), shop, body);
        assertThat(split.status()).as(split.raw()).isEqualTo(201);
        assertThat(amount(split, "total")).isEqualTo(1497);
        assertThat(amount(split, "change")).isEqualTo(3);
        var cardTender = split.body().get("tenders").get(0);
        assertThat(cardTender.get("status").asString()).isEqualTo("APPROVED");
        assertThat(cardTender.get("authCode").asString()).hasSize(6);

        var overpaid = sale(id("s"), List.of(line(shop.productId(), 1)), List.of(card(600, "term-1")));
        var refused = sell(shop.merchant(), shop, overpaid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("CARD_OVERPAYS");

        var report = api.get(
                "/api/v1/stores/" + shop.storeId() + "/shifts/" + register.shiftId() + "/report",
                shop.merchant().token());
        assertThat(report.body().get("byTender").get("CARD").get("amount").asLong())
                .isEqualTo(1000);
        assertThat(report.body().get("byTender").get("CASH").get("amount").asLong())
                .isEqualTo(497);
        assertThat(amount(report, "expectedCash")).isEqualTo(5497);
    }

    @Test
    void aDeclinedCardRecordsNothingAndGivesBackAnotherCardOfTheSameSale() {
        var shop = town.shop(10);
        var saleId = id("s");
        terminal.present("term-b", DECLINED_CARD);
        var declined = sell(
                shop.merchant(),
                shop,
                sale(saleId, List.of(line(shop.productId(), 2)), List.of(card(500, "term-a"), card(498, "term-b"))));
        assertThat(declined.status()).as(declined.raw()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("CARD_DECLINED");
        assertThat(declined.body().get("declineCode").asString()).isEqualTo("card_declined");
        assertThat(town.level(shop).onHand()).isEqualTo(10);
        assertThat(api.get(
                                "/api/v1/stores/" + shop.storeId() + "/sales/" + saleId,
                                shop.merchant().token())
                        .status())
                .isEqualTo(404);

        // The customer pays again, the same way, and this time both cards go through.
        var paid = sell(
                shop.merchant(),
                shop,
                sale(saleId, List.of(line(shop.productId(), 2)), List.of(card(500, "term-a"), card(498, "term-b"))));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.body().get("tenders").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(paid.body().get("tenders").get(1).get("status").asString()).isEqualTo("APPROVED");
        assertThat(town.level(shop).onHand()).isEqualTo(8);
    }

    @Test
    void aSaleMadeOfflineIsNeverRefusedButFlaggedAndCountsOnceHoweverOftenItIsSent() {
        var shop = town.shop(1);
        var saleId = id("offline");
        terminal.present("term-off", DECLINED_CARD);
        var body = sale(
                saleId,
                List.of(Map.of("productId", shop.productId(), "quantity", 3, "unitPrice", eur(450))),
                List.of(card(1000, "term-off"), cash(350)));
        body.put("madeOfflineAt", clock.instant().minusSeconds(600).toString());
        var first = sell(shop.merchant(), shop, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(amount(first, "total")).isEqualTo(1350);
        assertThat(first.body().get("flags").toString())
                .contains("STOCK_BELOW_ZERO", "CARD_DECLINED_AFTER_SYNC", "PRICE_DIFFERS");
        assertThat(first.body().get("tenders").get(0).get("status").asString()).isEqualTo("DECLINED");

        for (int i = 0; i < 3; i++) {
            var again = sell(shop.merchant(), shop, body);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(town.level(shop).onHand()).isEqualTo(-2);

        var flagged = api.get(
                "/api/v1/stores/" + shop.storeId() + "/sales?flagged=true",
                shop.merchant().token());
        assertThat(flagged.body().get("sales")).hasSize(1);
        assertThat(flagged.body().get("sales").get(0).get("saleId").asString()).isEqualTo(saleId);
        assertThat(flagged.body().get("sales").get(0).get("offline").asBoolean())
                .isTrue();
    }

    @Test
    void aSaleMadeOfflineIsRecordedUnderTheStaffMemberWhoMadeItWithTheirRights() {
        var shop = town.shop(20);
        var senior = town.staff(shop, true, false);
        var plain = town.staff(shop, false, false);
        var stranger = town.account("MERCHANT");
        java.util.function.BiFunction<String, Account, Map<String, Object>> offlineBy = (prefix, seller) -> {
            var body = sale(
                    id(prefix),
                    List.of(Map.of("productId", shop.productId(), "quantity", 1, "discountPercent", 10)),
                    List.of(cash(500)));
            body.put("madeOfflineAt", clock.instant().minusSeconds(300).toString());
            body.put("soldBy", seller.accountId());
            return body;
        };

        // The owner's register sends what its staff rang up while the connection was down.
        var bySenior = sell(shop.merchant(), shop, offlineBy.apply("senior", senior));
        var byPlain = sell(shop.merchant(), shop, offlineBy.apply("plain", plain));
        var byStranger = sell(shop.merchant(), shop, offlineBy.apply("stranger", stranger));

        assertThat(bySenior.body().get("flags")).isEmpty();
        assertThat(byPlain.body().get("flags").toString()).contains("DISCOUNT_NOT_ALLOWED");
        assertThat(byStranger.body().get("flags").toString()).contains("SELLER_UNKNOWN");
        assertThat(byStranger.body().get("flags").toString()).doesNotContain("DISCOUNT_NOT_ALLOWED");
        var recorded = api.get(
                        "/api/v1/stores/" + shop.storeId() + "/sales?limit=10",
                        shop.merchant().token())
                .body()
                .get("sales");
        var recordedBy = new HashMap<String, String>();
        recorded.forEach(s ->
                recordedBy.put(s.get("saleId").asString(), s.get("recordedBy").asString()));
        assertThat(recordedBy.get(bySenior.text("saleId"))).isEqualTo(senior.accountId());
        assertThat(recordedBy.get(byPlain.text("saleId"))).isEqualTo(plain.accountId());
        assertThat(recordedBy.get(byStranger.text("saleId")))
                .isEqualTo(shop.merchant().accountId());
        assertThat(api.get("/api/v1/stores/" + shop.storeId() + "/sales/" + bySenior.text("saleId"), senior.token())
                        .text("servedBy"))
                .isEqualTo("Sam Staff");
    }

    @Test
    void aReturnRefundsTheCardFirstThenCashAndRestocksOrWritesOff() {
        var shop = town.shop(10);
        var register = openRegister(shop, 0);
        var clerk = town.staff(shop, false, true);
        var saleId = id("s");
        var body = sale(saleId, List.of(line(shop.productId(), 4)), List.of(card(600, "term-r"), cash(1400)));
        body.put("registerId", register.registerId());
        assertThat(sell(shop.merchant(), shop, body).status()).isEqualTo(201);
        assertThat(town.level(shop).onHand()).isEqualTo(6);

        var returnId = id("r");
        var back = returnLines(clerk, shop, returnId, saleId, register.registerId(), 1, 2, true);
        assertThat(back.status()).as(back.raw()).isEqualTo(201);
        assertThat(amount(back, "refund")).isEqualTo(998);
        assertThat(back.body().get("refunds").get(0).get("type").asString()).isEqualTo("CARD");
        assertThat(back.body().get("refunds").get(0).get("amount").get("amount").asLong())
                .isEqualTo(600);
        assertThat(back.body().get("refunds").get(1).get("type").asString()).isEqualTo("CASH");
        assertThat(back.body().get("refunds").get(1).get("amount").get("amount").asLong())
                .isEqualTo(398);
        assertThat(town.level(shop).onHand()).isEqualTo(8);

        // Sent again: the same answer, no second refund, no second restock.
        var again = returnLines(clerk, shop, returnId, saleId, register.registerId(), 1, 2, true);
        assertThat(again.body()).isEqualTo(back.body());
        assertThat(town.level(shop).onHand()).isEqualTo(8);

        var writeOff = returnLines(clerk, shop, id("r"), saleId, register.registerId(), 1, 1, false);
        assertThat(writeOff.status()).isEqualTo(201);
        assertThat(writeOff.body().get("refunds").get(0).get("type").asString()).isEqualTo("CASH");
        assertThat(town.level(shop).onHand()).isEqualTo(8);

        var tooMany = returnLines(clerk, shop, id("r"), saleId, register.registerId(), 1, 2, true);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("RETURN_EXCEEDS_SALE");

        var noRight = returnLines(town.staff(shop, true, false), shop, id("r"), saleId, null, 1, 1, true);
        assertThat(noRight.status()).isEqualTo(403);
        assertThat(noRight.code()).isEqualTo("REFUND_NOT_ALLOWED");

        var receipt = api.get("/api/v1/stores/" + shop.storeId() + "/sales/" + saleId, clerk.token());
        assertThat(receipt.body().get("returns")).hasSize(2);
        assertThat(receipt.body().get("lines").get(0).get("name").asString()).isNotBlank();

        var z = api.post(
                "/api/v1/stores/" + shop.storeId() + "/shifts/" + register.shiftId() + "/close",
                shop.merchant().token(),
                Map.of("countedCash", eur(499)));
        assertThat(z.status()).as(z.raw()).isEqualTo(200);
        assertThat(z.body().get("returns").asLong()).isEqualTo(2);
        assertThat(z.body().get("refundsByTender").get("CARD").get("amount").asLong())
                .isEqualTo(600);
        assertThat(z.body().get("refundsByTender").get("CASH").get("amount").asLong())
                .isEqualTo(398 + 499);
        // Cash taken 1396 (1400 tendered, 4 change), less 897 refunded in cash.
        assertThat(amount(z, "expectedCash")).isEqualTo(1396 - 897);
        assertThat(amount(z, "variance")).isEqualTo(0);
    }

    private Api.Response returnLines(
            Account who,
            Shop shop,
            String returnId,
            String saleId,
            String registerId,
            int lineNo,
            long quantity,
            boolean restock) {
        var body = new HashMap<String, Object>();
        body.put("returnId", returnId);
        body.put("saleId", saleId);
        if (registerId != null) {
            body.put("registerId", registerId);
        }
        body.put("lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity, "restock", restock)));
        return api.post("/api/v1/stores/" + shop.storeId() + "/returns", who.token(), body);
    }

    @Test
    void theRegisterSetupListsWhatTheStoreSellsAndWhatTheSignedInStaffMayDo() {
        var shop = town.shop(3);
        var clerk = town.staff(shop, true, false);
        var setup = api.get("/api/v1/stores/" + shop.storeId() + "/pos/setup", clerk.token());
        assertThat(setup.status()).as(setup.raw()).isEqualTo(200);
        assertThat(setup.body().get("staff").get("canDiscount").asBoolean()).isTrue();
        assertThat(setup.body().get("staff").get("canRefund").asBoolean()).isFalse();
        assertThat(setup.body().get("offlineCardLimit").get("amount").asLong()).isEqualTo(5000);
        var product = setup.body().get("products").get(0);
        assertThat(product.get("productId").asString()).isEqualTo(shop.productId());
        assertThat(product.get("gtin").asString()).matches("\\d{12,14}");
        assertThat(product.get("price").get("amount").asLong()).isEqualTo(499);
    }

    @Test
    void theRegisterSetupCarriesAnETagAndAnUnchangedOneIsAnsweredNotModified() throws Exception {
        var shop = town.shop(3);
        var clerk = town.staff(shop, false, false);
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> get = etag -> {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api.base() + "/api/v1/stores/" + shop.storeId() + "/pos/setup"))
                    .header("Authorization", "Bearer " + clerk.token());
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            try {
                return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        var first = get.apply(null);
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var unchanged = get.apply(etag);
        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 529);
        var changed = get.apply(etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("529");
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void salesHistoryFindsSalesByProductAndNewestFirst() {
        var shop = town.shop(20);
        var otherProduct = town.product(shop.merchant());
        town.offer(shop.merchant(), shop.storeId(), otherProduct, 100);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var saleId = "hist-" + i + "-" + UUID.randomUUID();
            ids.add(saleId);
            clock.advance(java.time.Duration.ofMinutes(1));
            var product = i == 1 ? otherProduct : shop.productId();
            assertThat(sell(shop.merchant(), shop, sale(saleId, List.of(line(product, 1)), List.of(cash(500))))
                            .status())
                    .isEqualTo(201);
        }
        var all = api.get(
                "/api/v1/stores/" + shop.storeId() + "/sales", shop.merchant().token());
        assertThat(all.body().get("sales").get(0).get("saleId").asString()).isEqualTo(ids.get(2));
        assertThat(all.body().get("sales")).hasSize(3);
        var byProduct = api.get(
                "/api/v1/stores/" + shop.storeId() + "/sales?productId=" + otherProduct,
                shop.merchant().token());
        assertThat(byProduct.body().get("sales")).hasSize(1);
        assertThat(byProduct.body().get("sales").get(0).get("saleId").asString())
                .isEqualTo(ids.get(1));
        var rival = town.account("MERCHANT");
        assertThat(api.get("/api/v1/stores/" + shop.storeId() + "/sales", rival.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aReceiptIsEmailedThroughTheOutboxToTheCustomer() throws Exception {
        var shop = town.shop(5);
        var saleId = id("mail");
        var body = sale(
                saleId,
                List.of(Map.of("productId", shop.productId(), "quantity", 3, "discountPercent", 10)),
                List.of(cash(2000)));
        assertThat(sell(shop.merchant(), shop, body).status()).isEqualTo(201);
        var path = "/api/v1/stores/" + shop.storeId() + "/sales/" + saleId + "/receipt-emails";

        var bad = api.post(path, shop.merchant().token(), Map.of("email", "not-an-address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_EMAIL");
        var rival = town.account("MERCHANT");
        assertThat(api.post(path, rival.token(), Map.of("email", "x@example.org"))
                        .status())
                .isEqualTo(404);

        var customer = id("customer") + "@example.org";
        var queued = api.post(path, shop.merchant().token(), Map.of("email", customer));
        assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(m -> address(m).equals(customer)));
        var mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> address(m).equals(customer))
                .toList();
        assertThat(mail).hasSize(1);
        var text = GreenMailUtil.getBody(mail.get(0));
        assertThat(mail.get(0).getSubject()).startsWith("Your receipt from Test Store");
        // 3 × 4.99 = 14.97, less 10 % (1.50) = 13.47.
        assertThat(text).contains(saleId, "13.47 EUR", "6.53 EUR");
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    record Register(String registerId, String shiftId) {}

    private Register openRegister(Shop shop, long floatCents) {
        var registerId = api.post(
                        "/api/v1/stores/" + shop.storeId() + "/registers",
                        shop.merchant().token(),
                        Map.of("name", "Till 1"))
                .text("registerId");
        var shift = api.post(
                "/api/v1/stores/" + shop.storeId() + "/registers/" + registerId + "/shifts",
                shop.merchant().token(),
                Map.of("openingFloat", eur(floatCents)));
        assertThat(shift.status()).as(shift.raw()).isEqualTo(201);
        return new Register(registerId, shift.text("shiftId"));
    }
}
