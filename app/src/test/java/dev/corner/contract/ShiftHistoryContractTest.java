package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store's shifts with their reports, the latest first, for its merchant only. */
@CornerTest
class ShiftHistoryContractTest extends ContractTest {

    private static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    @Test
    void theShiftsOfAStoreAreListedWithTheirReportsLatestFirst() {
        var shop = town.shop(20);
        var token = shop.merchant().token();
        var base = "/api/v1/stores/" + shop.storeId();
        var register =
                api.post(base + "/registers", token, Map.of("name", "Till")).text("registerId");
        var first = api.post(base + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(5000)))
                .text("shiftId");
        api.post(
                base + "/sales",
                token,
                Map.of(
                        "saleId",
                        "hist-" + first,
                        "registerId",
                        register,
                        "lines",
                        List.of(Map.of("productId", shop.productId(), "quantity", 2)),
                        "tenders",
                        List.of(Map.of("type", "CASH", "amount", eur(1000)))));
        api.post(base + "/shifts/" + first + "/close", token, Map.of("countedCash", eur(5998)));
        clock.advance(Duration.ofMinutes(5));
        var second = api.post(base + "/registers/" + register + "/shifts", token, Map.of("openingFloat", eur(5000)))
                .text("shiftId");

        var history = api.get(base + "/shifts", token);

        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        var shifts = history.body().get("shifts");
        assertThat(shifts.size()).isEqualTo(2);
        assertThat(shifts.get(0).get("shiftId").asString()).isEqualTo(second);
        assertThat(shifts.get(0).get("closedAt").isNull()).isTrue();
        assertThat(shifts.get(1).get("shiftId").asString()).isEqualTo(first);
        assertThat(shifts.get(1).get("sales").asLong()).isEqualTo(1);
        assertThat(shifts.get(1).get("salesTotal").get("amount").asLong()).isEqualTo(998);
        assertThat(shifts.get(1).get("variance").get("amount").asLong()).isZero();

        var stranger = town.account("MERCHANT");
        var foreign = api.get(base + "/shifts", stranger.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("STORE_NOT_FOUND");
    }
}
