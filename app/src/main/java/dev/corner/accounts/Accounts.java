package dev.corner.accounts;

import dev.corner.accounts.internal.AccountRecords;
import dev.corner.accounts.internal.AccountRecords.StoredAccount;
import dev.corner.accounts.internal.RecentTokens;
import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Digests;
import dev.corner.common.EmailAddress;
import dev.corner.common.Ids;
import dev.corner.common.Role;
import dev.corner.common.Text;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening accounts, signing in and resolving API tokens. */
@Service
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRecords records;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration tokenTtl;
    private final Duration webTokenTtl;
    private final RecentTokens recentTokens;

    Accounts(
            AccountRecords records,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${corner.security.token-ttl}") Duration tokenTtl,
            @Value("${corner.security.web-token-ttl}") Duration webTokenTtl,
            RecentTokens recentTokens) {
        this.records = records;
        this.passwords = passwords;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
        this.webTokenTtl = webTokenTtl;
        this.recentTokens = recentTokens;
    }

    /** A bearer token as handed out once; only its hash is kept. */
    public record IssuedToken(String token, Instant expiresAt) {}

    @Transactional
    public AccountId open(String email, String password, String name, Role role) {
        if (role == Role.OPERATOR) {
            throw CornerException.invalid("INVALID_ROLE", "operators are created by configuration");
        }
        if (role == Role.STAFF) {
            throw CornerException.invalid("INVALID_ROLE", "staff accounts are added by the owner of their store");
        }
        return create(email, password, name, role);
    }

    /** A staff account, opened by the owner of the store it works at. */
    @Transactional
    public AccountId openStaff(String email, String password, String name) {
        return create(email, password, name, Role.STAFF);
    }

    /**
     * Ends every API session of the account, e.g. when staff leave a store: at once on this node,
     * within {@code corner.security.token-cache} on the others (see {@link RecentTokens}).
     */
    @Transactional
    public void endSessions(AccountId id) {
        records.deleteTokens(id);
    }

    @Transactional
    /**
     * Creates the configured operator, or resets its password. An address that belongs to another
     * kind of account is refused: anyone can sign up with any address, so promoting it would hand
     * the platform to whoever registered it first. A reset ends every session of the account.
     */
    public AccountId openOrUpdateOperator(String email, String password) {
        var normalized = normalizeEmail(email);
        return records.findByEmail(normalized)
                .map(existing -> {
                    if (existing.role() != Role.OPERATOR) {
                        throw new IllegalStateException("the operator address " + normalized + " belongs to a "
                                + existing.role() + " account; configure another address");
                    }
                    records.updatePassword(existing.id(), passwords.encode(requirePassword(password)));
                    endSessions(existing.id());
                    return existing.id();
                })
                .orElseGet(() -> create(normalized, password, "Operator", Role.OPERATOR));
    }

    private AccountId create(String email, String password, String name, Role role) {
        if (role == null) {
            throw CornerException.invalid("INVALID_ROLE", "role must be one of HOUSEHOLD, MERCHANT, COURIER, MAKER");
        }
        var normalized = normalizeEmail(email);
        var cleanName = Text.require(name, "name", 200);
        var id = new AccountId(Ids.next("acc"));
        var inserted = records.insert(
                id, normalized, passwords.encode(requirePassword(password)), cleanName, role, clock.instant());
        if (!inserted) {
            throw CornerException.conflict("EMAIL_TAKEN", "an account with this e-mail address exists");
        }
        return id;
    }

    @Transactional
    public IssuedToken issueToken(String email, String password) {
        var account = signIn(email, password)
                .orElseThrow(() -> new CornerException(
                        CornerException.Kind.UNAUTHORIZED, "INVALID_CREDENTIALS", "e-mail or password is wrong"));
        return newToken(account.id(), tokenTtl);
    }

    /**
     * A short-lived bearer token for an account already signed in to a web app, so that the page's
     * own script can call the API (which takes bearer tokens only). The caller must come from a
     * session that passed the CSRF check; the password is not asked again.
     */
    @Transactional
    public IssuedToken issueWebToken(Caller caller) {
        var account = records.findById(caller.accountId())
                .orElseThrow(() -> new CornerException(
                        CornerException.Kind.UNAUTHORIZED, "UNAUTHENTICATED", "the account no longer exists"));
        return newToken(account.id(), webTokenTtl);
    }

    private IssuedToken newToken(AccountId account, Duration ttl) {
        var raw = new byte[32];
        RANDOM.nextBytes(raw);
        var token = "ct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var expiresAt = clock.instant().plus(ttl);
        records.insertToken(Digests.sha256Hex(token), account, clock.instant(), expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /**
     * The account behind a bearer token, if the token exists and has not expired. Runs on every API
     * request: a token resolved in the last seconds is answered from memory (see {@link RecentTokens}).
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        var hash = Digests.sha256Hex(token);
        var now = clock.instant();
        var recent = recentTokens.find(hash, now);
        if (recent.isPresent()) {
            return recent;
        }
        // A single statement: no transaction of its own is needed.
        return records.findByToken(hash, now).map(owner -> {
            var caller = owner.account().caller();
            recentTokens.remember(hash, caller, owner.expiresAt());
            return caller;
        });
    }

    private Optional<StoredAccount> signIn(String email, String password) {
        if (password == null || !EmailAddress.plausible(email)) {
            return Optional.empty();
        }
        var account = records.findByEmail(email.strip().toLowerCase(Locale.ROOT));
        if (account.isEmpty()) {
            // Spend the same time as a real check so response times do not reveal which e-mails exist.
            passwords.matches(password, records.dummyHash());
            return Optional.empty();
        }
        return account.filter(found -> passwords.matches(password, found.passwordHash()));
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(AccountId id) {
        return records.findById(id).map(a -> new AccountView(a.id(), a.email(), a.name(), a.role()));
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByEmail(String email) {
        return records.findByEmail(normalizeEmail(email))
                .map(a -> new AccountView(a.id(), a.email(), a.name(), a.role()));
    }

    /** What other modules may know of an account. */
    public record AccountView(AccountId id, String email, String name, Role role) {}

    private static String normalizeEmail(String email) {
        return EmailAddress.normalize(email);
    }

    /** bcrypt reads at most 72 bytes of a password; a longer one is refused rather than cut. */
    private static String requirePassword(String password) {
        if (password == null
                || password.length() < 8
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw CornerException.invalid("WEAK_PASSWORD", "password must be 8 characters to 72 bytes");
        }
        return password;
    }
}
