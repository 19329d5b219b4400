package dev.corner.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentTokensTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentTokens tokens = new RecentTokens(Duration.ofSeconds(5), nanos::get);
    private final Caller alice = new Caller(new AccountId("acc_alice"), Role.MERCHANT);
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aRememberedTokenIsAnsweredOnlyForTheCacheTime() {
        tokens.remember("hash", alice, now.plus(Duration.ofDays(30)));
        assertThat(tokens.find("hash", now)).contains(alice);

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(tokens.find("hash", now)).isEmpty();
    }

    @Test
    void aTokenIsNeverAnsweredPastItsOwnExpiry() {
        tokens.remember("hash", alice, now.plusSeconds(1));
        assertThat(tokens.find("hash", now)).contains(alice);
        assertThat(tokens.find("hash", now.plusSeconds(1))).isEmpty();
    }

    @Test
    void endingAnAccountsSessionsForgetsItsTokensAtOnce() {
        var bob = new Caller(new AccountId("acc_bob"), Role.HOUSEHOLD);
        tokens.remember("alice-1", alice, now.plusSeconds(60));
        tokens.remember("alice-2", alice, now.plusSeconds(60));
        tokens.remember("bob", bob, now.plusSeconds(60));

        tokens.forget(alice.accountId());

        assertThat(tokens.find("alice-1", now)).isEmpty();
        assertThat(tokens.find("alice-2", now)).isEmpty();
        assertThat(tokens.find("bob", now)).contains(bob);
    }

    @Test
    void revokedTokensAreForgottenAtOnce() {
        tokens.remember("web-1", alice, now.plusSeconds(60));
        tokens.remember("api-1", alice, now.plusSeconds(60));

        tokens.forget(java.util.List.of("web-1"));

        assertThat(tokens.find("web-1", now)).isEmpty();
        assertThat(tokens.find("api-1", now)).contains(alice);
    }

    @Test
    void aCacheTimeOfZeroRemembersNothing() {
        var off = new RecentTokens(Duration.ZERO, nanos::get);
        off.remember("hash", alice, now.plusSeconds(60));
        assertThat(off.find("hash", now)).isEmpty();
    }
}
