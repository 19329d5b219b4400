package dev.corner.accounts.internal;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.Role;
import dev.corner.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The accounts and their tokens, as stored. */
@Repository
public class AccountRecords {

    /** An account row; the password hash never leaves this module. */
    public record StoredAccount(AccountId id, String email, String passwordHash, String name, Role role) {
        public Caller caller() {
            return new Caller(id, role);
        }
    }

    private static final RowMapper<StoredAccount> ROW = (rs, n) -> new StoredAccount(
            new AccountId(rs.getString("id")),
            rs.getString("email"),
            rs.getString("password_hash"),
            rs.getString("name"),
            Role.valueOf(rs.getString("role")));

    private final JdbcClient jdbc;
    private final RecentTokens recentTokens;
    private final String dummyHash;

    AccountRecords(JdbcClient jdbc, RecentTokens recentTokens, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.recentTokens = recentTokens;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    public boolean insert(AccountId id, String email, String passwordHash, String name, Role role, Instant at) {
        return jdbc.sql("""
                        insert into accounts (id, email, password_hash, name, role, created_at)
                        values (:id, :email, :hash, :name, :role, :at)
                        on conflict (email) do nothing""")
                        .param("id", id.value())
                        .param("email", email)
                        .param("hash", passwordHash)
                        .param("name", name)
                        .param("role", role.name())
                        .param("at", SqlTime.utc(at))
                        .update()
                == 1;
    }

    public void updatePassword(AccountId id, String passwordHash) {
        jdbc.sql("update accounts set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id.value())
                .update();
    }

    public void deleteTokens(AccountId id) {
        jdbc.sql("delete from account_tokens where account_id = :id")
                .param("id", id.value())
                .update();
        recentTokens.forget(id);
    }

    /** Revokes the tokens with these hashes at once, e.g. those a web session was given. */
    public void deleteTokenHashes(java.util.Collection<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return;
        }
        jdbc.sql("delete from account_tokens where token_hash = any(cast(:hashes as varchar[]))")
                .param("hashes", tokenHashes.toArray(String[]::new))
                .update();
        recentTokens.forget(tokenHashes);
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql("select * from accounts where email = :email")
                .param("email", email)
                .query(ROW)
                .optional();
    }

    public Optional<StoredAccount> findById(AccountId id) {
        return jdbc.sql("select * from accounts where id = :id")
                .param("id", id.value())
                .query(ROW)
                .optional();
    }

    public void insertToken(String tokenHash, AccountId account, Instant at, Instant expiresAt) {
        jdbc.sql("""
                        insert into account_tokens (token_hash, account_id, created_at, expires_at)
                        values (:hash, :account, :at, :expires)""")
                .param("hash", tokenHash)
                .param("account", account.value())
                .param("at", SqlTime.utc(at))
                .param("expires", SqlTime.utc(expiresAt))
                .update();
    }

    /** A live token: whose it is and until when it holds. */
    public record TokenOwner(StoredAccount account, Instant expiresAt) {}

    public Optional<TokenOwner> findByToken(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select a.*, t.expires_at as token_expires_at
                        from account_tokens t join accounts a on a.id = t.account_id
                        where t.token_hash = :hash and t.expires_at > :now""")
                .param("hash", tokenHash)
                .param("now", SqlTime.utc(now))
                .query((rs, n) -> new TokenOwner(ROW.mapRow(rs, n), SqlTime.instant(rs, "token_expires_at")))
                .optional();
    }

    public String dummyHash() {
        return dummyHash;
    }
}
