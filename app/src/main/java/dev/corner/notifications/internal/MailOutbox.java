package dev.corner.notifications.internal;

import dev.corner.common.Ids;
import dev.corner.common.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mails Corner was asked to send, until they are sent or given up on. */
@Repository
class MailOutbox {

    record Mail(String id, String to, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String queue(String to, String subject, String body, Instant at) {
        var id = Ids.next("mail");
        jdbc.sql("""
                        insert into notification_mails (id, to_address, subject, body, status, created_at, next_attempt_at)
                        values (:id, :to, :subject, :body, 'PENDING', :at, :at)""")
                .param("id", id)
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("at", SqlTime.utc(at))
                .update();
        return id;
    }

    /** Pending mails whose time has come, claimed for this transaction; other nodes skip them. */
    List<Mail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from notification_mails where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at limit :limit for update skip locked""")
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query((rs, n) -> new Mail(
                        rs.getString("id"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(String id, Instant at) {
        jdbc.sql("update notification_mails set status = 'SENT', sent_at = :at, attempts = attempts + 1 where id = :id")
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    void failed(String id, String error, Instant retryAt, boolean givenUp) {
        jdbc.sql("""
                        update notification_mails set attempts = attempts + 1, last_error = :error,
                               next_attempt_at = :retry, status = :status where id = :id""")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retry", SqlTime.utc(retryAt))
                .param("status", givenUp ? "FAILED" : "PENDING")
                .param("id", id)
                .update();
    }
}
