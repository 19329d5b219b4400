package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsWeMakeAndClientIdsOfTheSafeShapeAreValid() {
        assertThat(Ids.valid(Ids.next("ord"))).isTrue();
        assertThat(Ids.valid("7880a396-0f13-4bff-b10e-94d4f3c2b12f")).isTrue();
        assertThat(Ids.valid("register.2:sale_0042")).isTrue();
        assertThat(Ids.valid("A")).isTrue();
        assertThat(Ids.valid("x".repeat(64))).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        for (var bad : new String[] {
            null,
            "",
            "x".repeat(65),
            "has space",
            "slash/inside",
            "semi;colon",
            "quote'",
            "ümlaut",
            "tab\t",
            "new\nline",
            "percent%20",
            "émoji😀",
            "full－width"
        }) {
            assertThat(Ids.valid(bad)).as("%s", bad).isFalse();
        }
        assertThatThrownBy(() -> Ids.requireValid("a b", "saleId"))
                .isInstanceOf(CornerException.class)
                .extracting(e -> ((CornerException) e).code())
                .isEqualTo("INVALID_ID");
    }
}
