package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CornerTest
class AccountsContractTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.corner.TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private Map<String, Object> account(String email, String role) {
        return Map.of("email", email, "password", "password-1234", "name", "Ann", "role", role);
    }

    @Test
    void anAccountOpensAndGetsAnExpiringToken() {
        var email = "ann-" + UUID.randomUUID() + "@test.corner.dev";
        var opened = api.post("/api/v1/accounts", null, account(email, "HOUSEHOLD"));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.text("accountId")).isNotBlank();

        var token = api.post("/api/v1/tokens", null, Map.of("email", email, "password", "password-1234"));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("token")).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes, base64
        assertThat(token.text("expiresAt")).isNotBlank();
        assertThat(api.get("/api/v1/orders", token.text("token")).status()).isEqualTo(200);
    }

    @Test
    void passwordsAndTokensAreNotStoredInClear() {
        var email = "clear-" + UUID.randomUUID() + "@test.corner.dev";
        api.post("/api/v1/accounts", null, account(email, "MERCHANT"));
        var token = api.post("/api/v1/tokens", null, Map.of("email", email, "password", "password-1234"))
                .text("token");

        var hash = jdbc.sql("select password_hash from accounts where email = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(hash).doesNotContain("password-1234").startsWith("{bcrypt}");
        var tokensInClear = jdbc.sql("select count(*) from account_tokens where token_hash = :t")
                .param("t", token)
                .query(Long.class)
                .single();
        assertThat(tokensInClear).isZero();
    }

    @Test
    void aTakenEmailAnswers409AndTheFirstAccountStays() {
        var email = "twice-" + UUID.randomUUID() + "@test.corner.dev";
        assertThat(api.post("/api/v1/accounts", null, account(email, "HOUSEHOLD"))
                        .status())
                .isEqualTo(201);
        var again = api.post("/api/v1/accounts", null, account(email.toUpperCase(), "MERCHANT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidInputAnswers400WithACodeAndWritesNothing() {
        var email = "bad-" + UUID.randomUUID() + "@test.corner.dev";
        var operator = api.post("/api/v1/accounts", null, account(email, "OPERATOR"));
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.code()).isEqualTo("INVALID_ROLE");

        var weak = api.post(
                "/api/v1/accounts", null, Map.of("email", email, "password", "short", "name", "A", "role", "COURIER"));
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");

        var unknownRole = api.post("/api/v1/accounts", null, account(email, "KING"));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.code()).isEqualTo("MALFORMED_BODY");

        var notJson = api.post("/api/v1/accounts", null, "{not json");
        assertThat(notJson.status()).isEqualTo(400);

        var count = jdbc.sql("select count(*) from accounts where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        assertThat(count).isZero();
    }

    @Test
    void aWrongPasswordOrAMissingTokenAnswers401() {
        var account = new Neighbourhood(api).account("COURIER");
        var wrong = api.post("/api/v1/tokens", null, Map.of("email", account.email(), "password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("INVALID_CREDENTIALS");

        var none = api.get("/api/v1/orders", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/orders", "ct_madeup").status()).isEqualTo(401);
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        var account = new Neighbourhood(api).account("HOUSEHOLD");
        try {
            clock.advance(java.time.Duration.ofDays(29));
            assertThat(api.get("/api/v1/orders", account.token()).status()).isEqualTo(200);
            clock.advance(java.time.Duration.ofDays(2));
            assertThat(api.get("/api/v1/orders", account.token()).status()).isEqualTo(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theOperatorFromConfigurationCanSignIn() {
        var token = api.post(
                "/api/v1/tokens", null, Map.of("email", "operator@test.corner.dev", "password", "operator-password"));
        assertThat(token.status()).isEqualTo(201);
    }

    @Autowired
    dev.corner.accounts.Accounts accounts;

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotCut() {
        var email = "long-" + UUID.randomUUID() + "@test.corner.dev";
        var refused = api.post(
                "/api/v1/accounts",
                null,
                Map.of("email", email, "password", "x".repeat(73), "name", "A", "role", "MAKER"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void controlCharactersAreRefusedWithACode() {
        var email = "nul-" + UUID.randomUUID() + "@test.corner.dev";
        var name = api.post(
                "/api/v1/accounts",
                null,
                Map.of("email", email, "password", "password-1234", "name", "A\u0000B", "role", "MAKER"));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.code()).isEqualTo("INVALID_NAME");
        var signIn = api.post("/api/v1/tokens", null, Map.of("email", "a\u0000@b.cd", "password", "password-1234"));
        assertThat(signIn.status()).isEqualTo(401);
    }

    @Test
    void anAddressSomeoneSignedUpWithIsNeverPromotedToOperator() {
        var squatter = new Neighbourhood(api).account("HOUSEHOLD");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> accounts.openOrUpdateOperator(squatter.email(), "operator-password"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(api.get("/api/v1/orders", squatter.token()).status()).isEqualTo(200);
        var token =
                api.post("/api/v1/tokens", null, Map.of("email", squatter.email(), "password", "operator-password"));
        assertThat(token.status()).isEqualTo(401);
    }

    @Test
    void resettingTheOperatorPasswordEndsItsSessions() {
        var before = api.post(
                        "/api/v1/tokens",
                        null,
                        Map.of("email", "operator@test.corner.dev", "password", "operator-password"))
                .text("token");
        // Used once, so the token is among those this node remembers for a few seconds.
        assertThat(api.get("/api/v1/orders", before).status()).isEqualTo(200);
        accounts.openOrUpdateOperator("operator@test.corner.dev", "operator-password");
        assertThat(api.get("/api/v1/orders", before).status()).isEqualTo(401);
    }
}
