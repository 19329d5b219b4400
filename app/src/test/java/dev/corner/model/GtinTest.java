package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.catalog.Gtin;
import dev.corner.common.CornerException;
import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void realGtinsAreAccepted() {
        assertThat(new Gtin("4006381333931").value()).isEqualTo("4006381333931"); // EAN-13
        assertThat(new Gtin("96385074").value()).isEqualTo("96385074"); // EAN-8
        assertThat(new Gtin("036000291452").value()).isEqualTo("036000291452"); // UPC-A
    }

    @Test
    void aWrongCheckDigitOrLengthIsRefused() {
        assertThatThrownBy(() -> new Gtin("4006381333932"))
                .isInstanceOf(CornerException.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> new Gtin("12345")).isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new Gtin("40063813339a1")).isInstanceOf(CornerException.class);
    }

    @Test
    void theCheckDigitIsComputedFromTheBody() {
        assertThat(Gtin.withCheckDigit("400638133393").value()).isEqualTo("4006381333931");
    }
}
