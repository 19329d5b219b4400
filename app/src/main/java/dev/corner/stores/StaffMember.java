package dev.corner.stores;

import dev.corner.common.AccountId;

/** A member of a store's staff and the rights the owner gave them at its registers. */
public record StaffMember(AccountId accountId, String email, String name, boolean canDiscount, boolean canRefund) {}
