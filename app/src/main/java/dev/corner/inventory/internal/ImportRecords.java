package dev.corner.inventory.internal;

import dev.corner.common.AccountId;
import dev.corner.common.SqlTime;
import dev.corner.inventory.StockFiles.BadRow;
import dev.corner.inventory.StockFiles.ImportReport;
import dev.corner.inventory.StockImports.ImportView;
import dev.corner.inventory.StockImports.Status;
import dev.corner.stores.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Imports and their progress as stored. */
@Repository
public class ImportRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ImportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, StoreId store, AccountId by, int rows, Instant at) {
        jdbc.sql("""
                        insert into inventory_imports (id, store_id, account_id, status, rows_total, created_at, updated_at)
                        values (:id, :store, :by, 'QUEUED', :rows, :at, :at)""")
                .param("id", id)
                .param("store", store.value())
                .param("by", by.value())
                .param("rows", rows)
                .param("at", SqlTime.utc(at))
                .update();
    }

    public void status(String id, Status status, Instant at) {
        jdbc.sql("update inventory_imports set status = :status, updated_at = :at where id = :id")
                .param("status", status.name())
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    public void progress(String id, boolean checking, int rows, Instant at) {
        jdbc.sql("update inventory_imports set " + (checking ? "rows_checked" : "rows_applied")
                        + " = :rows, updated_at = :at where id = :id")
                .param("rows", rows)
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    public void done(String id, ImportReport report, Instant at) {
        jdbc.sql("""
                        update inventory_imports set status = 'DONE', rows_applied = :rows, products_created = :created,
                            prices_set = :priced, stock_set = :stocked, updated_at = :at, finished_at = :at
                        where id = :id""")
                .param("rows", report.rows())
                .param("created", report.productsCreated())
                .param("priced", report.pricesSet())
                .param("stocked", report.stockSet())
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    public void refuse(String id, List<BadRow> badRows, Instant at) {
        jdbc.sql("""
                        update inventory_imports set status = 'REFUSED', rows_checked = rows_total, rows_applied = 0,
                            bad_rows = :bad, problem_code = 'IMPORT_REFUSED', problem_detail = :detail,
                            updated_at = :at, finished_at = :at
                        where id = :id""")
                .param("bad", JSON.writeValueAsString(badRows))
                .param("detail", badRows.size() + " rows are wrong; nothing was imported")
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    public void fail(String id, String code, String detail, Instant at) {
        jdbc.sql("""
                        update inventory_imports set status = 'FAILED', rows_applied = 0, problem_code = :code,
                            problem_detail = :detail, updated_at = :at, finished_at = :at
                        where id = :id""")
                .param("code", code)
                .param("detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                .param("at", SqlTime.utc(at))
                .param("id", id)
                .update();
    }

    public Optional<ImportView> find(StoreId store, String id) {
        return jdbc.sql("select * from inventory_imports where store_id = :store and id = :id")
                .param("store", store.value())
                .param("id", id)
                .query((rs, n) -> view(rs, true))
                .optional();
    }

    public List<ImportView> recent(StoreId store, int limit) {
        return jdbc.sql(
                        "select * from inventory_imports where store_id = :store order by created_at desc, id limit :limit")
                .param("store", store.value())
                .param("limit", limit)
                .query((rs, n) -> view(rs, false))
                .list();
    }

    public Instant updatedAt(String id) {
        return jdbc.sql("select updated_at from inventory_imports where id = :id")
                .param("id", id)
                .query((rs, n) -> SqlTime.instant(rs, "updated_at"))
                .single();
    }

    private static ImportView view(ResultSet rs, boolean withBadRows) throws SQLException {
        var status = Status.valueOf(rs.getString("status"));
        var bad = rs.getString("bad_rows");
        return new ImportView(
                rs.getString("id"),
                new StoreId(rs.getString("store_id")),
                status,
                rs.getInt("rows_total"),
                rs.getInt("rows_checked"),
                rs.getInt("rows_applied"),
                status == Status.DONE
                        ? new ImportReport(
                                rs.getInt("rows_total"),
                                rs.getInt("products_created"),
                                rs.getInt("prices_set"),
                                rs.getInt("stock_set"))
                        : null,
                withBadRows && bad != null ? Arrays.asList(JSON.readValue(bad, BadRow[].class)) : List.of(),
                rs.getString("problem_code"),
                rs.getString("problem_detail"),
                SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "finished_at"));
    }
}
