package dev.corner.common;

/**
 * Who is calling: the authenticated account and its role. Modules receive it from the web layer and
 * use it to scope every read and write to what the caller owns.
 */
public record Caller(AccountId accountId, Role role) {

    public Caller requireRole(Role required) {
        if (role != required) {
            throw CornerException.forbidden(
                    "ROLE_REQUIRED", "this action needs a " + required + " account, not " + role);
        }
        return this;
    }

    public boolean is(AccountId owner) {
        return accountId.equals(owner);
    }
}
