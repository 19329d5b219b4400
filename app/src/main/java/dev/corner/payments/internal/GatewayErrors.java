package dev.corner.payments.internal;

import dev.corner.common.web.Problems;
import dev.corner.payments.GatewayException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A gateway that gave no answer is not our bug and not the client's mistake: {@code 502
 * GATEWAY_ERROR}, naming the intent that was left as it was so the client can retry it. Ordered
 * before the catch-all advice, which would otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = {PaymentsController.class, TerminalController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayErrors {

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> noAnswer(GatewayException e) {
        var problem =
                Problems.of(HttpStatus.BAD_GATEWAY, "GATEWAY_ERROR", "the payment gateway gave no answer; try again");
        if (e.paymentIntentId() != null) {
            problem.setProperty("paymentIntentId", e.paymentIntentId());
        }
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
