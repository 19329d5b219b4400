package dev.corner.common;

/**
 * A refusal that reaches the caller as {@code application/problem+json}: a stable machine-readable
 * {@code code}, a kind that decides the HTTP status, and a human-readable detail.
 */
public class CornerException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps each to one HTTP status. */
    public enum Kind {
        INVALID,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        PAYMENT_REQUIRED,
        TOO_MANY_REQUESTS
    }

    private final Kind kind;
    private final String code;

    public CornerException(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
    }

    public static CornerException invalid(String code, String detail) {
        return new CornerException(Kind.INVALID, code, detail);
    }

    public static CornerException notFound(String code, String detail) {
        return new CornerException(Kind.NOT_FOUND, code, detail);
    }

    public static CornerException conflict(String code, String detail) {
        return new CornerException(Kind.CONFLICT, code, detail);
    }

    public static CornerException forbidden(String code, String detail) {
        return new CornerException(Kind.FORBIDDEN, code, detail);
    }

    /** Further members of the problem document beyond {@code code}, e.g. why a card was declined. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
