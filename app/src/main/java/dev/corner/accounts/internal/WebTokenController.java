package dev.corner.accounts.internal;

import dev.corner.accounts.Accounts;
import dev.corner.accounts.Accounts.IssuedToken;
import dev.corner.common.Caller;
import dev.corner.common.Digests;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /web/token}: a bearer token for the account signed in to this web session, so that a
 * web app's script (the {@code /pos} register) can call {@code /api/**}, which takes bearer tokens
 * only. It sits on the session chain, so it needs the session cookie and the page's CSRF token: another
 * site can neither make a signed-in browser ask for one nor read the answer. The tokens are short-lived,
 * kept only as their hash like every token, and revoked when the session signs out.
 */
@RestController
class WebTokenController {

    /** The hashes of the tokens this session was given, revoked at sign-out. */
    static final String ISSUED = WebTokenController.class.getName() + ".issued";

    /** A tab asks once and keeps its token; a session asking more often than this has a bug or a thief. */
    private static final int MAX_PER_SESSION = 50;

    private final Accounts accounts;

    WebTokenController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/web/token")
    ResponseEntity<IssuedToken> issue(Caller caller, HttpSession session) {
        @SuppressWarnings("unchecked")
        var issued = (List<String>) session.getAttribute(ISSUED);
        var hashes = issued == null ? new ArrayList<String>() : new ArrayList<>(issued);
        if (hashes.size() >= MAX_PER_SESSION) {
            throw dev.corner.common.CornerException.conflict(
                    "TOO_MANY_TOKENS", "this session has been given enough tokens; sign in again");
        }
        var token = accounts.issueWebToken(caller);
        hashes.add(Digests.sha256Hex(token.token()));
        session.setAttribute(ISSUED, List.copyOf(hashes));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(token);
    }
}
