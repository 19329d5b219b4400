package dev.corner.accounts.internal;

import dev.corner.accounts.Accounts;
import dev.corner.common.AccountId;
import dev.corner.common.Role;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    record OpenAccount(String email, String password, String name, Role role) {}

    record Opened(String accountId) {}

    record SignIn(String email, String password) {}

    record Token(String token, Instant expiresAt) {}

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody OpenAccount request) {
        AccountId id = accounts.open(request.email(), request.password(), request.name(), request.role());
        return new Opened(id.value());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Token token(@RequestBody SignIn request) {
        var issued = accounts.issueToken(request.email(), request.password());
        return new Token(issued.token(), issued.expiresAt());
    }
}
