package dev.corner.payments.internal;

import dev.corner.common.AccountId;
import dev.corner.common.SqlTime;
import dev.corner.payments.PaymentMethodId;
import dev.corner.payments.PaymentMethodView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved cards: the gateway's token and what may be shown, per owning account. */
@Repository
public class PaymentMethodRecords {

    /** A saved card with what only the module sees: its owner and the gateway token. */
    public record Stored(PaymentMethodView view, AccountId owner, String token) {
        public YearMonth expiry() {
            return YearMonth.of(view.expYear(), view.expMonth());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentMethodRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(Stored method) {
        var view = method.view();
        jdbc.sql("""
                        insert into payment_methods (id, owner_id, gateway_token, brand, last4, exp_month, exp_year,
                                                     created_at)
                        values (:id, :owner, :token, :brand, :last4, :month, :year, :at)""")
                .param("id", view.paymentMethodId().value())
                .param("owner", method.owner().value())
                .param("token", method.token())
                .param("brand", view.brand())
                .param("last4", view.last4())
                .param("month", view.expMonth())
                .param("year", view.expYear())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    public Optional<Stored> find(PaymentMethodId id) {
        return jdbc.sql("select * from payment_methods where id = :id")
                .param("id", id.value())
                .query(PaymentMethodRecords::stored)
                .optional();
    }

    public List<Stored> ofOwner(AccountId owner) {
        return jdbc.sql("select * from payment_methods where owner_id = :owner order by created_at, id")
                .param("owner", owner.value())
                .query(PaymentMethodRecords::stored)
                .list();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                new PaymentMethodView(
                        new PaymentMethodId(rs.getString("id")),
                        rs.getString("brand"),
                        rs.getString("last4"),
                        rs.getInt("exp_month"),
                        rs.getInt("exp_year")),
                new AccountId(rs.getString("owner_id")),
                rs.getString("gateway_token"));
    }
}
