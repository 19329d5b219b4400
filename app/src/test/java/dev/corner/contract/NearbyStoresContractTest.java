package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A slot may order from any store within a distance of the household's home instead of listed
 * stores; the home is a household setting, and a press measures from where the home is then.
 */
@CornerTest
class NearbyStoresContractTest extends ContractTest {

    /** One degree of latitude is about 111.2 km. */
    private static final double KM = 1 / 111.2;

    /** A place of the test's own, far from every other test's stores (which are all near Berlin). */
    private final double homeLatitude = -40 + ThreadLocalRandom.current().nextDouble(20);

    private final double homeLongitude = -70 + ThreadLocalRandom.current().nextDouble(20);

    private Map<String, Object> home(double kmNorth) {
        return Map.of("latitude", homeLatitude + kmNorth * KM, "longitude", homeLongitude);
    }

    private String storeAt(Neighbourhood.Account merchant, double kmNorth, String productId, long price) {
        var store = town.store(merchant, homeLatitude + kmNorth * KM, homeLongitude);
        town.offer(merchant, store, productId, price);
        town.receive(merchant, store, productId, 10);
        return store;
    }

    private Api.Response bind(
            Neighbourhood.Account household, Neighbourhood.Device device, String productId, Map<String, Object> where) {
        var body = new HashMap<String, Object>(where);
        body.put("productIds", List.of(productId));
        body.putIfAbsent("strategy", "PREFERRED");
        body.put("maxUnitPrice", Map.of("amount", 1000, "currency", "EUR"));
        return api.put("/api/v1/devices/" + device.deviceId() + "/slots/main", household.token(), body);
    }

    /** Presses a new button of the household bound by distance; the store of the order, or the answer. */
    private Api.Response press(Neighbourhood.Account household, String productId, String strategy, double km) {
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        var bound = bind(household, device, productId, Map.of("strategy", strategy, "maxDistanceKm", km));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        return new DeviceClient(api, device.deviceId(), device.secret(), clock).press("main", "p-" + strategy);
    }

    private String storeOf(Neighbourhood.Account household, Api.Response press) {
        assertThat(press.text("result")).as(press.raw()).isEqualTo("ORDER_PLACED");
        return api.get("/api/v1/orders/" + press.text("orderId"), household.token())
                .text("storeId");
    }

    @Test
    void aSlotBoundByDistanceOrdersFromStoresNearTheHomeAsItIsAtThePress() {
        var merchant = town.account("MERCHANT");
        var product = town.product(merchant);
        var oneKm = storeAt(merchant, 1, product, 500);
        var threeKm = storeAt(merchant, 3, product, 300);
        var twentyKm = storeAt(merchant, 20, product, 100);
        var household = town.account("HOUSEHOLD");
        var saved = api.put("/api/v1/household/settings", household.token(), Map.of("home", home(0)));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("home").get("latitude").asDouble()).isEqualTo(homeLatitude);

        // Within 5 km: the nearest first for PREFERRED, the cheapest of the two near ones for CHEAPEST.
        assertThat(storeOf(household, press(household, product, "PREFERRED", 5)))
                .isEqualTo(oneKm);
        assertThat(storeOf(household, press(household, product, "CHEAPEST", 5))).isEqualTo(threeKm);
        assertThat(storeOf(household, press(household, product, "CHEAPEST", 25)))
                .isEqualTo(twentyKm);

        // The household moves a kilometre from the far store: the same kind of slot now orders there.
        api.put("/api/v1/household/settings", household.token(), Map.of("home", home(19)));
        assertThat(storeOf(household, press(household, product, "PREFERRED", 5)))
                .isEqualTo(twentyKm);

        // Nothing within half a kilometre of the new home.
        var none = press(household, product, "PREFERRED", 0.5);
        assertThat(none.text("result")).as(none.raw()).isEqualTo("UNAVAILABLE");
        assertThat(none.text("reason")).isEqualTo("NOT_OFFERED");
    }

    @Test
    void theDevicesListShowsTheDistanceInsteadOfStores() {
        var merchant = town.account("MERCHANT");
        var product = town.product(merchant);
        storeAt(merchant, 1, product, 500);
        var household = town.account("HOUSEHOLD");
        api.put("/api/v1/household/settings", household.token(), Map.of("home", home(0)));
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);

        var bound = bind(household, device, product, Map.of("maxDistanceKm", 2.5));

        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        var slot = bound.body().get("slots").get(0);
        assertThat(slot.get("maxDistanceKm").asDouble()).isEqualTo(2.5);
        assertThat(slot.get("storeIds").isEmpty()).isTrue();
        var config = new DeviceClient(api, device.deviceId(), device.secret(), clock).config();
        assertThat(config.body().get("slots").get(0).get("price").get("amount").asLong())
                .as(config.raw())
                .isEqualTo(500);
    }

    @Test
    void bindingByDistanceNeedsAHomeAndOneWayOfSayingWhere() {
        var shop = town.shop(5);
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);

        var noHome = bind(household, device, shop.productId(), Map.of("maxDistanceKm", 5));
        assertThat(noHome.status()).as(noHome.raw()).isEqualTo(409);
        assertThat(noHome.code()).isEqualTo("HOME_REQUIRED");

        api.put("/api/v1/household/settings", household.token(), Map.of("home", home(0)));
        var both = bind(
                household, device, shop.productId(), Map.of("maxDistanceKm", 5, "storeIds", List.of(shop.storeId())));
        assertThat(both.status()).as(both.raw()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("INVALID_POLICY");
        for (var km : List.of(0, -1, 101)) {
            var outOfRange = bind(household, device, shop.productId(), Map.of("maxDistanceKm", km));
            assertThat(outOfRange.status()).as(outOfRange.raw()).isEqualTo(400);
            assertThat(outOfRange.code()).isEqualTo("INVALID_POLICY");
        }
        var neither = bind(household, device, shop.productId(), Map.of());
        assertThat(neither.status()).as(neither.raw()).isEqualTo(400);
        assertThat(neither.code()).isEqualTo("INVALID_POLICY");

        // Nothing of it was bound.
        var slot = api.get("/api/v1/devices/" + device.deviceId(), household.token())
                .body()
                .get("slots")
                .get(0);
        assertThat(slot.get("configured").asBoolean()).isFalse();
    }

    @Test
    void aHomeOutsideTheEarthIsRefusedAndChangesNothing() {
        var household = town.account("HOUSEHOLD");
        api.put("/api/v1/household/settings", household.token(), Map.of("home", home(0)));

        for (var bad : List.<Map<String, Object>>of(
                Map.of("latitude", 91, "longitude", 10), Map.of("latitude", 10, "longitude", -181))) {
            var refused = api.put("/api/v1/household/settings", household.token(), Map.of("home", bad));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.code()).as(refused.raw()).isEqualTo("INVALID_LOCATION");
        }
        var halfAPlace =
                api.put("/api/v1/household/settings", household.token(), Map.of("home", Map.of("latitude", 10)));
        assertThat(halfAPlace.status()).as(halfAPlace.raw()).isEqualTo(400);
        assertThat(halfAPlace.code()).isEqualTo("MALFORMED_BODY");
        var settings = api.get("/api/v1/household/settings", household.token());
        assertThat(settings.body().get("home").get("latitude").asDouble()).isEqualTo(homeLatitude);
    }

    @Test
    void availabilityNearAPointListsTheStoresWithAPriceAndStockNearestFirst() {
        var merchant = town.account("MERCHANT");
        var product = town.product(merchant);
        var twoKm = storeAt(merchant, 2, product, 450);
        var oneKm = storeAt(merchant, 1, product, 500);
        town.receive(merchant, oneKm, product, 5);
        var pricedButEmpty = town.store(merchant, homeLatitude + 0.5 * KM, homeLongitude);
        town.offer(merchant, pricedButEmpty, product, 400);
        var stockedButNotOffered = town.store(merchant, homeLatitude + 0.2 * KM, homeLongitude);
        town.receive(merchant, stockedButNotOffered, product, 3);
        storeAt(merchant, 8, product, 100);

        var nearby = api.get(
                "/api/v1/availability?productId=" + product + "&latitude=" + homeLatitude + "&longitude="
                        + homeLongitude + "&radiusKm=5",
                merchant.token());
        assertThat(nearby.status()).as(nearby.raw()).isEqualTo(200);
        var stores = nearby.body().get("stores");
        assertThat(stores.size()).as(nearby.raw()).isEqualTo(2);
        assertThat(stores.get(0).get("storeId").asString()).isEqualTo(oneKm);
        assertThat(stores.get(0).get("available").asLong()).isEqualTo(15);
        assertThat(stores.get(0).get("price").get("amount").asLong()).isEqualTo(500);
        assertThat(stores.get(1).get("storeId").asString()).isEqualTo(twoKm);
        assertThat(stores.get(1).get("available").asLong()).isEqualTo(10);
        assertThat(stores.get(1).get("price").get("amount").asLong()).isEqualTo(450);
    }
}
