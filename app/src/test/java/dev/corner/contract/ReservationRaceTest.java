package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.Concurrently;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import dev.corner.catalog.ProductId;
import dev.corner.inventory.Inventory;
import dev.corner.stores.StoreId;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reservations race for the last units: exactly the stock is reserved, never more. */
@CornerTest
class ReservationRaceTest {

    @LocalServerPort
    int port;

    @Autowired
    Inventory inventory;

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
        var shop = new Neighbourhood(new Api(port)).shop(5);
        var store = new StoreId(shop.storeId());
        var product = new ProductId(shop.productId());
        var attempts = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 24; i++) {
            var reference = "race-" + i;
            attempts.add(() -> inventory.reserve(store, product, 1, reference).isPresent());
        }
        long won = Concurrently.run(attempts).stream()
                .filter(Boolean::booleanValue)
                .count();
        assertThat(won).isEqualTo(5);
        var level = inventory.level(store, product);
        assertThat(level.reserved()).isEqualTo(5);
        assertThat(level.available()).isZero();
        assertThat(level.onHand() - level.reserved()).isZero();
    }
}
