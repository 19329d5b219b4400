package dev.corner.accounts.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this node resolved in the last few seconds, so that a client sending requests back
 * to back costs one token lookup per {@code corner.security.token-cache} instead of one per request.
 * A token is never trusted past its own expiry; ending an account's sessions on this node forgets
 * them at once, and another node stops accepting them within the cache time. Zero turns it off.
 */
public final class RecentTokens {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant expiresAt, long freshUntil) {}

    private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
    private final long keepNanos;
    private final LongSupplier nanoTime;

    public RecentTokens(Duration keep) {
        this(keep, System::nanoTime);
    }

    RecentTokens(Duration keep, LongSupplier nanoTime) {
        this.keepNanos = keep.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The caller behind a token hash if it was resolved recently and the token has not expired. */
    public Optional<Caller> find(String tokenHash, Instant now) {
        if (keepNanos <= 0) {
            return Optional.empty();
        }
        var entry = byHash.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.freshUntil() - nanoTime.getAsLong() <= 0 || !entry.expiresAt().isAfter(now)) {
            byHash.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    public void remember(String tokenHash, Caller caller, Instant expiresAt) {
        if (keepNanos <= 0) {
            return;
        }
        if (byHash.size() >= MAX_ENTRIES) {
            // Many distinct tokens at once: start over rather than track ages; misses only cost a lookup.
            byHash.clear();
        }
        byHash.put(tokenHash, new Entry(caller, expiresAt, nanoTime.getAsLong() + keepNanos));
    }

    /** Forgets every token of an account, so its ended sessions end on this node now. */
    public void forget(AccountId account) {
        byHash.values().removeIf(entry -> entry.caller().accountId().equals(account));
    }
}
