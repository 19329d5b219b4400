package dev.corner.stores;

import dev.corner.common.AccountId;
import dev.corner.common.CornerException;

/**
 * A store as seen by someone who works there: its owner, who may do everything, or a member of its
 * staff with the rights the owner gave.
 */
public record Workplace(Store store, AccountId worker, boolean owner, boolean canDiscount, boolean canRefund) {

    public void requireDiscountRight() {
        if (!canDiscount) {
            throw CornerException.forbidden("DISCOUNT_NOT_ALLOWED", "this staff member may not give discounts");
        }
    }

    public void requireRefundRight() {
        if (!canRefund) {
            throw CornerException.forbidden("REFUND_NOT_ALLOWED", "this staff member may not give refunds");
        }
    }
}
