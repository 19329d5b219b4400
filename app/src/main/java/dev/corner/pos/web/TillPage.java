package dev.corner.pos.web;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Role;
import dev.corner.payments.SimulatedTerminal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /pos}: the register in the browser. The server renders only the shell; the selling screen
 * is the page's own script ({@code static/js/pos/}), which calls the API with a bearer token it asks
 * for at {@code POST /web/token}, and keeps selling from a cached setup when the server is out of
 * reach (see docs/pos.md, "The register in the browser").
 */
@Controller
class TillPage {

    /** Scripts and styles from this origin only, and no inline script: a bearer token lives in this page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";

    /** The documented test cards the simulated terminal may be shown; the browser names an outcome, never a number. */
    private static final Map<String, String> TEST_CARDS = Map.of(
            "APPROVED", "4242424242424242",
            "DECLINED", "4000000000000002",
            "INSUFFICIENT_FUNDS", "4000000000009995",
            "EXPIRED_CARD", "4000000000000069");

    private static final Resource SERVICE_WORKER = new ClassPathResource("pos/sw.js");

    private final SimulatedTerminal terminal;
    private final boolean simulated;

    TillPage(SimulatedTerminal terminal, @Value("${corner.payments.gateway}") String gateway) {
        this.terminal = terminal;
        this.simulated = "simulated".equals(gateway);
    }

    @GetMapping({"/pos", "/pos/"})
    String till(Caller caller, Model model, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        model.addAttribute("mayUse", worksTills(caller));
        model.addAttribute("simulatedTerminal", simulated);
        return "pos/till";
    }

    /**
     * The register's service worker (see {@code pos/sw.js}): it keeps the last copy of this page so
     * that the register opens while offline. Served from {@code /pos/} but allowed to control {@code /pos}.
     */
    @GetMapping(value = "/pos/sw.js", produces = "text/javascript")
    @ResponseBody
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok()
                .header("Service-Worker-Allowed", "/pos")
                .cacheControl(CacheControl.noCache())
                .body(SERVICE_WORKER);
    }

    record TestCard(String outcome) {}

    /**
     * Demo and test mode: which test card the customer "presents" at the register's simulated
     * terminal for the next charge. Exists only while the simulated gateway is configured.
     */
    @PostMapping("/pos/terminals/{terminalId}/test-card")
    @ResponseBody
    ResponseEntity<Void> present(Caller caller, @PathVariable String terminalId, @RequestBody TestCard request) {
        if (!simulated) {
            throw CornerException.notFound("NO_SIMULATED_TERMINAL", "the card terminal is not simulated");
        }
        if (!worksTills(caller)) {
            throw CornerException.forbidden("ROLE_REQUIRED", "only a store's owner or staff use its terminal");
        }
        var card = request == null ? null : TEST_CARDS.get(request.outcome());
        if (card == null) {
            throw CornerException.invalid("INVALID_OUTCOME", "outcome must be one of " + TEST_CARDS.keySet());
        }
        terminal.present(terminalId, card);
        return ResponseEntity.noContent().build();
    }

    private static boolean worksTills(Caller caller) {
        return caller.role() == Role.MERCHANT || caller.role() == Role.OPERATOR || caller.role() == Role.STAFF;
    }
}
