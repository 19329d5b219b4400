package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products, prices and stock in and out as CSV; a file with a bad row changes nothing. */
@CornerTest
class StockFilesContractTest extends ContractTest {

    private dev.corner.Api.Response importCsv(Neighbourhood.Shop shop, String csv) {
        return api.send(
                "POST",
                "/api/v1/stores/" + shop.storeId() + "/stock/imports",
                shop.merchant().token(),
                csv,
                Map.of("Content-Type", "text/csv"));
    }

    @Test
    void aGoodFileCreatesProductsSetsPricesAndStock() {
        var shop = town.shop(10);
        var existingGtin = api.get(
                        "/api/v1/products/" + shop.productId(), shop.merchant().token())
                .text("gtin");
        var newGtin = Neighbourhood.randomGtin();
        var csv = "gtin,name,brand,unit,price,onHand\n"
                + existingGtin + ",,,,5.25,7\n"
                + newGtin + ",\"Oat milk, 1 l\",Oatly,bottle,1.99,12\n";

        var report = importCsv(shop, csv);

        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        assertThat(report.body().get("rows").asInt()).isEqualTo(2);
        assertThat(report.body().get("productsCreated").asInt()).isEqualTo(1);
        assertThat(report.body().get("stockSet").asInt()).isEqualTo(2);
        assertThat(town.level(shop).onHand()).isEqualTo(7);
        var created = api.get(
                        "/api/v1/products?gtin=" + newGtin, shop.merchant().token())
                .body()
                .get("products")
                .get(0);
        assertThat(created.get("name").asString()).isEqualTo("Oat milk, 1 l");

        var export = api.sendRaw(
                "GET",
                "/api/v1/stores/" + shop.storeId() + "/stock/export",
                shop.merchant().token(),
                new byte[0],
                Map.of("Accept", "text/csv"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw())
                .startsWith("gtin,name,brand,unit,price,onHand")
                .contains(existingGtin + ",Dish tablets,Sparkle,pack,5.25,7")
                .contains(newGtin + ",\"Oat milk, 1 l\",Oatly,bottle,1.99,12");
    }

    @Test
    void aFileWithBadRowsChangesNothingAndNamesEveryBadRow() {
        var shop = town.shop(10);
        var newGtin = Neighbourhood.randomGtin();
        var csv = "gtin,name,brand,unit,price,onHand\n"
                + newGtin + ",Tea,Leaf,box,2.50,3\n"
                + "12345,Bad,Gtin,box,1,1\n"
                + Neighbourhood.randomGtin() + ",Soap,Suds,bar,1.999,-2\n";

        var refused = importCsv(shop, csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("IMPORT_REFUSED");
        var rows = refused.body().get("rows");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("row").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("row").asLong()).isEqualTo(3);
        assertThat(rows.get(1).get("problems").size()).isEqualTo(2); // the price and the quantity
        assertThat(api.get("/api/v1/products?gtin=" + newGtin, shop.merchant().token())
                        .body()
                        .get("products")
                        .size())
                .isZero();
        assertThat(town.level(shop).onHand()).isEqualTo(10);
    }

    @Test
    void aFileWithoutAGtinColumnIsRefused() {
        var shop = town.shop(1);
        var refused = importCsv(shop, "name,price\nTea,1.00\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_CSV");
    }
}
