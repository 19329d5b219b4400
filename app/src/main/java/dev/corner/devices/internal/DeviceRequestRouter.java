package dev.corner.devices.internal;

import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.devices.internal.DeviceProtocol.Confirm;
import dev.corner.devices.internal.DeviceProtocol.Heartbeat;
import dev.corner.devices.internal.DeviceProtocol.Press;
import dev.corner.devices.internal.DeviceProtocol.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes an authenticated device request that did not come over HTTP (method, path and body bytes)
 * to the same {@link DeviceProtocol} calls as the HTTP controllers, and turns refusals into the same
 * problem documents with the same codes. The HTTP side gets its routing from Spring MVC.
 */
@Component
public class DeviceRequestRouter {

    private static final Logger log = LoggerFactory.getLogger(DeviceRequestRouter.class);
    private static final Pattern SLOT_REQUEST = Pattern.compile("/device/v1/slots/([^/]+)/(press|confirm|status)");

    private final DeviceProtocol protocol;
    private final JsonMapper json;

    DeviceRequestRouter(DeviceProtocol protocol, JsonMapper json) {
        this.protocol = protocol;
        this.json = json;
    }

    /** The status and body an HTTP client would have got; the body is a record or a problem. */
    public record Answer(int status, Object body) {}

    /**
     * Routes the request of an authenticated device; a press remembers the request's nonce if it is
     * still open (see {@link DeviceProtocol#press(NonceClaim, String, Press)}).
     */
    public Answer route(NonceClaim nonce, String method, String pathWithQuery, byte[] body) {
        var device = nonce.device();
        var query = pathWithQuery.indexOf('?');
        var path = query < 0 ? pathWithQuery : pathWithQuery.substring(0, query);
        try {
            if (path.equals("/device/v1/heartbeat")) {
                return ok(method, "POST", path, () -> protocol.heartbeat(device, read(body, Heartbeat.class)));
            }
            if (path.equals("/device/v1/config")) {
                return ok(method, "GET", path, () -> protocol.config(device));
            }
            var slotRequest = SLOT_REQUEST.matcher(path);
            if (slotRequest.matches()) {
                var slotId = UriUtils.decode(slotRequest.group(1), StandardCharsets.UTF_8);
                return switch (slotRequest.group(2)) {
                    case "press" ->
                        ok(method, "POST", path, () -> protocol.press(nonce, slotId, read(body, Press.class)));
                    case "confirm" ->
                        ok(method, "POST", path, () -> protocol.confirm(device, slotId, read(body, Confirm.class)));
                    default ->
                        ok(method, "POST", path, () -> protocol.status(device, slotId, read(body, Status.class)));
                };
            }
            return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", Problems.noSuchPath(path), path);
        } catch (CornerException e) {
            return refusal(e, path);
        } catch (JacksonException e) {
            // A value object refused a field while the body was read (a bad currency, say): keep its code.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CornerException refusal) {
                    return refusal(refusal, path);
                }
            }
            return malformed(path);
        } catch (MalformedBody e) {
            return malformed(path);
        } catch (ArithmeticException e) {
            return problem(HttpStatus.BAD_REQUEST, "AMOUNT_OUT_OF_RANGE", "an amount or quantity is too large", path);
        } catch (RuntimeException e) {
            log.error("Unexpected failure of a device request {} {}", method, path, e);
            return problem(
                    HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "something went wrong on our side", path);
        }
    }

    private Answer ok(String method, String expected, String path, java.util.function.Supplier<Object> call) {
        if (!expected.equals(method)) {
            return problem(
                    HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", Problems.methodNotAllowed(method), path);
        }
        return new Answer(200, call.get());
    }

    private <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new MalformedBody();
        }
        var value = json.readValue(body, type);
        if (value == null) {
            throw new MalformedBody();
        }
        return value;
    }

    private Answer malformed(String path) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_BODY",
                "the request body is not valid JSON of the expected shape",
                path);
    }

    private static Answer refusal(CornerException e, String path) {
        var problem = Problems.of(e);
        return new Answer(problem.getStatus(), at(problem, path));
    }

    private static Answer problem(HttpStatusCode status, String code, String detail, String path) {
        return new Answer(status.value(), at(Problems.of(status, code, detail), path));
    }

    /** Like Spring MVC, the problem names the path it answers; a path that is no URI is left out. */
    private static ProblemDetail at(ProblemDetail problem, String path) {
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException e) {
            // nothing to name
        }
        return problem;
    }

    /** A missing body, or the JSON literal null, where an object is expected. */
    private static final class MalformedBody extends RuntimeException {
        MalformedBody() {
            super(null, null, false, false);
        }
    }
}
