package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CSV imports in the background: status and progress while they run, the report at the end. */
@CornerTest
class StockImportsContractTest extends ContractTest {

    private Api.Response start(Neighbourhood.Shop shop, String csv) {
        return api.send(
                "POST",
                "/api/v1/stores/" + shop.storeId() + "/stock/imports",
                shop.merchant().token(),
                csv,
                Map.of("Content-Type", "text/csv", "Prefer", "respond-async"));
    }

    private JsonNode status(Neighbourhood.Shop shop, String importId) {
        var status = api.get(
                "/api/v1/stores/" + shop.storeId() + "/stock/imports/" + importId,
                shop.merchant().token());
        assertThat(status.status()).as(status.raw()).isEqualTo(200);
        return status.body();
    }

    private JsonNode finished(Neighbourhood.Shop shop, String importId) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> status(shop, importId),
                        s -> s.get("status").asString().matches("DONE|REFUSED|FAILED"));
    }

    @Test
    void aLargeFileImportsInTheBackgroundAndShowsItsProgress() {
        var shop = town.shop(10);
        int rows = 3000;
        var csv = new StringBuilder("gtin,name,brand,unit,price,onHand\n");
        for (int i = 0; i < rows; i++) {
            csv.append(Neighbourhood.randomGtin())
                    .append(",Item ")
                    .append(i)
                    .append(",Bulk,piece,1.25,")
                    .append(i % 7)
                    .append('\n');
        }

        var started = start(shop, csv.toString());

        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        var importId = started.text("importId");
        assertThat(started.body().get("rowsTotal").asInt()).isEqualTo(rows);
        var seen = new ArrayList<JsonNode>();
        var done = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(40))
                .until(
                        () -> {
                            var now = status(shop, importId);
                            seen.add(now);
                            return now;
                        },
                        s -> s.get("status").asString().matches("DONE|REFUSED|FAILED"));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("rowsChecked").asInt()).isEqualTo(rows);
        assertThat(done.get("rowsApplied").asInt()).isEqualTo(rows);
        assertThat(done.get("report").get("productsCreated").asInt()).isEqualTo(rows);
        assertThat(done.get("report").get("stockSet").asInt()).isEqualTo(rows);
        // Progress was visible on the way, and never went back.
        assertThat(seen).anySatisfy(s -> {
            var checked = s.get("rowsChecked").asInt();
            var applied = s.get("rowsApplied").asInt();
            assertThat((checked > 0 && checked < rows) || (applied > 0 && applied < rows))
                    .as(s.toString())
                    .isTrue();
        });
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).get("rowsChecked").asInt())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).get("rowsChecked").asInt());
            assertThat(seen.get(i).get("rowsApplied").asInt())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).get("rowsApplied").asInt());
        }
        var export = api.sendRaw(
                "GET",
                "/api/v1/stores/" + shop.storeId() + "/stock/export",
                shop.merchant().token(),
                new byte[0],
                Map.of("Accept", "text/csv"));
        assertThat(export.raw().lines().count()).isEqualTo(1 + 1 + rows); // header, the shop's product, the file
    }

    @Test
    void aFileWithBadRowsEndsRefusedWithItsReportAndChangesNothing() {
        var shop = town.shop(10);
        var gtin = api.get(
                        "/api/v1/products/" + shop.productId(), shop.merchant().token())
                .text("gtin");
        var newGtin = Neighbourhood.randomGtin();
        var csv = "gtin,price,onHand,name,brand,unit\n"
                + gtin + ",2.00,99,,,\n"
                + newGtin + ",1.00,5,Tea,Leaf,box\n"
                + "4006381333931x,1.00,1,,,\n";

        var started = start(shop, csv);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        var refused = finished(shop, started.text("importId"));

        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("problem").get("code").asString()).isEqualTo("IMPORT_REFUSED");
        assertThat(refused.get("rowsChecked").asInt()).isEqualTo(3);
        assertThat(refused.get("rowsApplied").asInt()).isZero();
        assertThat(refused.get("rows").size()).isEqualTo(1);
        assertThat(refused.get("rows").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(town.level(shop).onHand()).isEqualTo(10);
        assertThat(api.get("/api/v1/products?gtin=" + newGtin, shop.merchant().token())
                        .body()
                        .get("products")
                        .size())
                .isZero();
    }

    @Test
    void aWrongHeaderIsRefusedAtOnceAndNoImportIsMade() {
        var shop = town.shop(1);
        var refused = start(shop, "name,price\nTea,1.00\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_CSV");
        var list = api.get(
                "/api/v1/stores/" + shop.storeId() + "/stock/imports",
                shop.merchant().token());
        assertThat(list.body().get("imports").size()).isZero();
    }

    @Test
    void anotherMerchantCannotSeeAnImport() {
        var shop = town.shop(1);
        var started = start(
                shop,
                "gtin,onHand\n"
                        + api.get(
                                        "/api/v1/products/" + shop.productId(),
                                        shop.merchant().token())
                                .text("gtin") + ",4\n");
        var importId = started.text("importId");
        assertThat(finished(shop, importId).get("status").asString()).isEqualTo("DONE");

        var other = town.shop(1);
        var viaTheirStore = api.get(
                "/api/v1/stores/" + shop.storeId() + "/stock/imports/" + importId,
                other.merchant().token());
        assertThat(viaTheirStore.status()).isEqualTo(404);
        var viaOwnStore = api.get(
                "/api/v1/stores/" + other.storeId() + "/stock/imports/" + importId,
                other.merchant().token());
        assertThat(viaOwnStore.status()).isEqualTo(404);
        assertThat(viaOwnStore.code()).isEqualTo("IMPORT_NOT_FOUND");
        assertThat(api.get(
                                "/api/v1/stores/" + shop.storeId() + "/stock/imports",
                                other.merchant().token())
                        .status())
                .isEqualTo(404);
    }
}
