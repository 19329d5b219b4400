package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void distancesAreGreatCircleKilometres() {
        var berlin = new GeoPoint(52.5200, 13.4050);
        var paris = new GeoPoint(48.8566, 2.3522);
        assertThat(berlin.distanceKmTo(paris)).isCloseTo(878, within(2.0));
        assertThat(paris.distanceKmTo(berlin)).isEqualTo(berlin.distanceKmTo(paris));
        assertThat(berlin.distanceKmTo(berlin)).isZero();
        // Across the date line: one degree of longitude on the equator, not 359.
        assertThat(new GeoPoint(0, 179.5).distanceKmTo(new GeoPoint(0, -179.5))).isCloseTo(111.2, within(0.1));
    }

    @Test
    void aPlaceOffTheEarthIsRefused() {
        for (var bad : new double[][] {{90.01, 0}, {-91, 0}, {0, 180.5}, {0, -181}, {Double.NaN, 0}, {0, Double.NaN}}) {
            assertThatThrownBy(() -> new GeoPoint(bad[0], bad[1]))
                    .isInstanceOf(CornerException.class)
                    .extracting(e -> ((CornerException) e).code())
                    .isEqualTo("INVALID_LOCATION");
        }
        assertThat(new GeoPoint(-90, 180).latitude()).isEqualTo(-90);
    }
}
