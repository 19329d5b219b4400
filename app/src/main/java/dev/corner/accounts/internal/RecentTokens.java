package dev.corner.accounts.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens this node resolved in the last few seconds, so that a client sending requests back
 * to back costs one token lookup per {@code corner.security.token-cache} instead of one per request.
 * A token is never trusted past its own expiry; a token deleted on this node ({@link AccountRecords}
 * tells) is forgotten at once, and another node stops accepting it within the cache time. Zero
 * turns it off.
 */
@Component
public class RecentTokens {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant expiresAt, long freshUntil) {}

    private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
    private final long keepNanos;
    private final LongSupplier nanoTime;

    @Autowired
    RecentTokens(@Value("${corner.security.token-cache:5s}") Duration keep) {
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
        afterNowAndCommit(() ->
                byHash.values().removeIf(entry -> entry.caller().accountId().equals(account)));
    }

    /** Forgets these tokens, so that revoking them takes effect on this node now. */
    public void forget(Collection<String> tokenHashes) {
        afterNowAndCommit(() -> tokenHashes.forEach(byHash::remove));
    }

    /**
     * Now, and again when the transaction that deletes the tokens ends: a request that read a token
     * before the deletion committed may have remembered it meanwhile.
     */
    private static void afterNowAndCommit(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
