package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registers and shifts: open with a float, sell, move cash, close with a count and a Z-report. */
@CornerTest
class ShiftsContractTest extends ContractTest {

    private static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    private String base(Neighbourhood.Shop shop) {
        return "/api/v1/stores/" + shop.storeId();
    }

    private Api.Response sell(Neighbourhood.Shop shop, String saleId, String registerId, long quantity, long cash) {
        var body = new HashMap<String, Object>();
        body.put("saleId", saleId);
        body.put("registerId", registerId);
        body.put("lines", List.of(Map.of("productId", shop.productId(), "quantity", quantity)));
        body.put("tenders", List.of(Map.of("type", "CASH", "amount", eur(cash))));
        return api.post(base(shop) + "/sales", shop.merchant().token(), body);
    }

    @Test
    void aShiftClosesWithAZReportThatFindsTheDrawerOneCentShort() {
        var shop = town.shop(20);
        var token = shop.merchant().token();
        var register = api.post(base(shop) + "/registers", token, Map.of("name", "Till 1"))
                .text("registerId");
        var shift =
                api.post(base(shop) + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(10000)));
        assertThat(shift.status()).as(shift.raw()).isEqualTo(201);
        var shiftId = shift.text("shiftId");

        var sold = sell(shop, "till1-1", register, 3, 2000); // 14.97, change 5.03
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        api.post(base(shop) + "/shifts/" + shiftId + "/cash", token, Map.of("type", "PAID_IN", "amount", eur(500)));
        api.post(
                base(shop) + "/shifts/" + shiftId + "/cash",
                token,
                Map.of("type", "PAID_OUT", "amount", eur(200), "note", "window cleaner"));
        api.post(base(shop) + "/shifts/" + shiftId + "/cash", token, Map.of("type", "NO_SALE"));

        var running = api.get(base(shop) + "/shifts/" + shiftId + "/report", token);
        assertThat(running.body().get("expectedCash").get("amount").asLong()).isEqualTo(10000 + 1497 + 500 - 200);
        assertThat(running.body().get("variance").isNull()).isTrue();

        var z = api.post(base(shop) + "/shifts/" + shiftId + "/close", token, Map.of("countedCash", eur(11796)));

        assertThat(z.status()).as(z.raw()).isEqualTo(200);
        assertThat(z.body().get("sales").asLong()).isEqualTo(1);
        assertThat(z.body().get("salesTotal").get("amount").asLong()).isEqualTo(1497);
        assertThat(z.body().get("cashTaken").get("amount").asLong()).isEqualTo(1497);
        assertThat(z.body().get("paidIn").get("amount").asLong()).isEqualTo(500);
        assertThat(z.body().get("paidOut").get("amount").asLong()).isEqualTo(200);
        assertThat(z.body().get("noSales").asLong()).isEqualTo(1);
        assertThat(z.body().get("expectedCash").get("amount").asLong()).isEqualTo(11797);
        assertThat(z.body().get("variance").get("amount").asLong()).isEqualTo(-1);
        assertThat(z.text("closedAt")).isNotBlank();

        var again = api.post(base(shop) + "/shifts/" + shiftId + "/close", token, Map.of("countedCash", eur(1)));
        assertThat(again.code()).isEqualTo("SHIFT_CLOSED");
        var late = sell(shop, "till1-2", register, 1, 500);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("NO_OPEN_SHIFT");
        var resent = sell(shop, "till1-1", register, 3, 2000);
        assertThat(resent.status())
                .as("a sale recorded in the shift is answered as recorded")
                .isEqualTo(201);
        assertThat(resent.body()).isEqualTo(sold.body());
        assertThat(town.level(shop).onHand()).isEqualTo(17);
    }

    @Test
    void aCashMovementSentAgainWithItsRegisterMadeIdCountsOnce() {
        var shop = town.shop(1);
        var token = shop.merchant().token();
        var register = api.post(base(shop) + "/registers", token, Map.of("name", "Till 1"))
                .text("registerId");
        var shiftId = api.post(
                        base(shop) + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(5000)))
                .text("shiftId");
        var madeOffline = clock.instant().minusSeconds(120).toString();
        var paidOut = Map.<String, Object>of(
                "type", "PAID_OUT",
                "amount", eur(300),
                "note", "milk for the staff room",
                "movementId", "mv-offline-1",
                "madeOfflineAt", madeOffline);

        var first = api.post(base(shop) + "/shifts/" + shiftId + "/cash", token, paidOut);
        var second = api.post(base(shop) + "/shifts/" + shiftId + "/cash", token, paidOut);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.body().get("paidOut").get("amount").asLong()).isEqualTo(300);
        assertThat(second.body().get("expectedCash").get("amount").asLong()).isEqualTo(4700);

        var reused = api.post(
                base(shop) + "/shifts/" + shiftId + "/cash",
                token,
                Map.of("type", "PAID_OUT", "amount", eur(900), "movementId", "mv-offline-1"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("MOVEMENT_ID_REUSED");
        var future = api.post(
                base(shop) + "/shifts/" + shiftId + "/cash",
                token,
                Map.of(
                        "type",
                        "PAID_IN",
                        "amount",
                        eur(100),
                        "movementId",
                        "mv-2",
                        "madeOfflineAt",
                        clock.instant().plusSeconds(3600).toString()));
        assertThat(future.code()).isEqualTo("INVALID_CASH_MOVEMENT");
        var report = api.get(base(shop) + "/shifts/" + shiftId + "/report", token);
        assertThat(report.body().get("paidOut").get("amount").asLong()).isEqualTo(300);
        assertThat(report.body().get("paidIn").get("amount").asLong())
                .as("refused changes change nothing")
                .isZero();
    }

    @Test
    void aRegisterHasOneOpenShiftAtATime() {
        var shop = town.shop(1);
        var token = shop.merchant().token();
        var register = api.post(base(shop) + "/registers", token, Map.of("name", "Till 2"))
                .text("registerId");
        api.post(base(shop) + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(0)));
        var second = api.post(base(shop) + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(0)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("SHIFT_ALREADY_OPEN");
        var registers = api.get(base(shop) + "/registers", token).body().get("registers");
        assertThat(registers.get(0).get("openShiftId").asString()).isNotBlank();
    }

    @Test
    void anotherMerchantCanNeitherSeeNorUseTheRegisters() {
        var shop = town.shop(1);
        var register = api.post(base(shop) + "/registers", shop.merchant().token(), Map.of("name", "Till 3"))
                .text("registerId");
        var rival = town.account("MERCHANT");
        assertThat(api.get(base(shop) + "/registers", rival.token()).status()).isEqualTo(404);
        assertThat(api.post(
                                base(shop) + "/registers/" + register + "/shifts",
                                rival.token(),
                                Map.of("openingFloat", eur(0)))
                        .status())
                .isEqualTo(404);
        var elsewhere = town.shop(1);
        var foreign = api.post(
                "/api/v1/stores/" + elsewhere.storeId() + "/registers/" + register + "/shifts",
                elsewhere.merchant().token(),
                Map.of("openingFloat", eur(0)));
        assertThat(foreign.code()).isEqualTo("REGISTER_NOT_FOUND");
    }
}
