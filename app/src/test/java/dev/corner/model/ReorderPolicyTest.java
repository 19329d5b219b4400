package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.common.CornerException;
import dev.corner.inventory.ReorderPolicy;
import org.junit.jupiter.api.Test;

class ReorderPolicyTest {

    @Test
    void theReorderPointIsLeadTimeTimesDailySalesPlusSafetyStock() {
        var policy = new ReorderPolicy(3, 2, 7);
        assertThat(policy.reorderPoint(1.0)).isEqualTo(5);
        assertThat(policy.reorderPoint(0.5)).isEqualTo(4); // 1.5 units of demand need 2 on the shelf
        assertThat(policy.reorderPoint(0)).isEqualTo(2);
    }

    @Test
    void stockIsLowAtOrBelowTheReorderPoint() {
        var policy = new ReorderPolicy(3, 2, 7);
        assertThat(policy.isLow(5, 1.0)).isTrue();
        assertThat(policy.isLow(6, 1.0)).isFalse();
    }

    @Test
    void theSuggestionCoversTheLeadTimeTheSafetyStockAndTheCoverDays() {
        var policy = new ReorderPolicy(3, 2, 7);
        assertThat(policy.suggestedOrder(2, 1.0)).isEqualTo(10); // up to 5 + 7, from 2
        assertThat(policy.suggestedOrder(20, 1.0)).isZero();
        assertThat(policy.suggestedOrder(-3, 0)).isEqualTo(5); // an oversold shelf is filled up to the safety stock
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new ReorderPolicy(-1, 0, 7)).isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new ReorderPolicy(1, -1, 7)).isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new ReorderPolicy(1, 0, 0)).isInstanceOf(CornerException.class);
    }
}
