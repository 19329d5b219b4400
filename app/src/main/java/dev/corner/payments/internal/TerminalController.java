package dev.corner.payments.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.payments.CardTerminal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TerminalController {

    private final CardTerminal terminal;

    TerminalController(CardTerminal terminal) {
        this.terminal = terminal;
    }

    record ChargeRequest(Money amount, String reference) {}

    record ChargeJson(String result, String authCode, String declineCode, Money amount) {}

    /** Answers 201 for a declined card too: the till shows the reason and asks for another card. */
    @PostMapping("/api/v1/terminals/{terminalId}/charges")
    @ResponseStatus(HttpStatus.CREATED)
    ChargeJson charge(Caller caller, @PathVariable String terminalId, @RequestBody ChargeRequest request) {
        var charge = terminal.charge(caller, terminalId, request.amount(), request.reference());
        return new ChargeJson(charge.result().name(), charge.authCode(), charge.declineCode(), charge.amount());
    }
}
