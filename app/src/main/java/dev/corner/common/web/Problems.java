package dev.corner.common.web;

import dev.corner.common.CornerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents that every part of Corner answers with. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemResponses.type(code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(CornerException e) {
        var problem = of(statusOf(e.kind()), e.code(), e.getMessage());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    public static HttpStatus statusOf(CornerException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PAYMENT_REQUIRED -> HttpStatus.PAYMENT_REQUIRED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    /** The detail of a {@code 404 NOT_FOUND} for a path where nothing answers, over any transport. */
    public static String noSuchPath(String path) {
        return "nothing answers at " + path;
    }

    /** The detail of a {@code 405 METHOD_NOT_ALLOWED}, over any transport. */
    public static String methodNotAllowed(String method) {
        return "the method " + method + " is not allowed here";
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "INVALID_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status.value();
        };
    }
}
