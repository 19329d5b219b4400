package dev.corner.notifications.internal;

import dev.corner.common.AccountId;
import dev.corner.common.SqlTime;
import dev.corner.notifications.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The inboxes as stored. */
@Repository
public class InboxRecords {

    private static final RowMapper<Notification> NOTIFICATION = (rs, n) -> new Notification(
            rs.getString("id"),
            rs.getString("kind"),
            rs.getString("title"),
            rs.getString("body"),
            rs.getString("store_id"),
            rs.getString("product_id"),
            SqlTime.instant(rs, "created_at"),
            SqlTime.instant(rs, "read_at"),
            params(rs.getString("params")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, String> params(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    }

    private final JdbcClient jdbc;

    InboxRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if a notice from the same source exists already. */
    public boolean insert(AccountId account, String id, Notification notice, String source) {
        return jdbc.sql("""
                                insert into notifications
                                    (id, account_id, kind, title, body, store_id, product_id, source, created_at,
                                     params)
                                values (:id, :account, :kind, :title, :body, :store, :product, :source, :at,
                                        cast(:params as jsonb))
                                on conflict (source) do nothing""")
                        .param("id", id)
                        .param("account", account.value())
                        .param("kind", notice.kind())
                        .param("title", notice.title())
                        .param("body", notice.text())
                        .param("store", notice.storeId())
                        .param("product", notice.productId())
                        .param("source", source)
                        .param("at", SqlTime.utc(notice.createdAt()))
                        .param("params", JSON.writeValueAsString(notice.params()))
                        .update()
                == 1;
    }

    public List<Notification> of(AccountId account, boolean unreadOnly, int limit) {
        return jdbc.sql("select * from notifications where account_id = :account"
                        + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit :limit")
                .param("account", account.value())
                .param("limit", limit)
                .query(NOTIFICATION)
                .list();
    }

    public Optional<Notification> find(AccountId account, String id) {
        return jdbc.sql("select * from notifications where account_id = :account and id = :id")
                .param("account", account.value())
                .param("id", id)
                .query(NOTIFICATION)
                .optional();
    }

    public long unread(AccountId account) {
        return jdbc.sql("select count(*) from notifications where account_id = :account and read_at is null")
                .param("account", account.value())
                .query(Long.class)
                .single();
    }

    public void markRead(AccountId account, String id, Instant at) {
        jdbc.sql("update notifications set read_at = :at where account_id = :account and id = :id and read_at is null")
                .param("at", SqlTime.utc(at))
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    public int markAllRead(AccountId account, Instant at) {
        return jdbc.sql("update notifications set read_at = :at where account_id = :account and read_at is null")
                .param("at", SqlTime.utc(at))
                .param("account", account.value())
                .update();
    }

    /** A notice with its place in the order notices were written (for live streams). */
    public record Numbered(long seq, Notification notice) {}

    /** The account's notices numbered above {@code after}, in the order they were written. */
    public List<Numbered> after(AccountId account, long after, int limit) {
        return jdbc.sql(
                        "select * from notifications where account_id = :account and seq > :after order by seq limit :limit")
                .param("account", account.value())
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new Numbered(rs.getLong("seq"), NOTIFICATION.mapRow(rs, n)))
                .list();
    }

    /** The number of the account's latest notice, 0 if it has none. */
    public long lastSeq(AccountId account) {
        return jdbc.sql("select coalesce(max(seq), 0) from notifications where account_id = :account")
                .param("account", account.value())
                .query(Long.class)
                .single();
    }
}
