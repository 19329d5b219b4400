package dev.corner.common.web;

import dev.corner.common.CornerException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal leaves as RFC 9457 {@code application/problem+json} with a stable {@code code}
 * member, so clients branch on the code and people read the detail.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(CornerException.class)
    ResponseEntity<ProblemDetail> refused(CornerException e) {
        return ResponseEntity.status(Problems.statusOf(e.kind())).body(Problems.of(e));
    }

    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<ProblemDetail> overflow(ArithmeticException e) {
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "AMOUNT_OUT_OF_RANGE", "an amount or quantity is too large"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> fields.putIfAbsent(error.getField(), error.getDefaultMessage()));
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "the request has invalid fields");
        problem.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A value object refused a field while the body was read (a bad currency, say): keep its code.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CornerException refusal) {
                return ResponseEntity.status(Problems.statusOf(refusal.kind())).body(Problems.of(refusal));
            }
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "MALFORMED_BODY",
                        "the request body is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own refusals (unknown route, wrong method, wrong media type) get a code and its type
        // too, and an unknown route says so without naming Spring's resource handling.
        var problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            var code = Problems.codeFor(status);
            problem.setProperty("code", code);
            problem.setType(type(code));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            problem.setDetail(Problems.noSuchPath(
                    ((ServletWebRequest) request).getRequest().getRequestURI()));
        } else if (e instanceof HttpRequestMethodNotSupportedException wrongMethod) {
            problem.setDetail(Problems.methodNotAllowed(wrongMethod.getMethod()));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "something went wrong on our side"));
    }

    static URI type(String code) {
        return URI.create("https://corner.dev/problems/" + code.toLowerCase().replace('_', '-'));
    }
}
