package dev.corner.bench;

import java.io.IOException;
import java.util.List;

/**
 * The rows every press that places an order must write, whatever the design: its nonce (replays),
 * the press and its answer (a press id is answered once), the order with its consent evidence and
 * its line, the reservation with its stock movement, and the stock level. pgbench writes them on
 * copies of Corner's tables (columns, defaults, checks and indexes; no foreign keys, so less work
 * than Corner's own rows), once with one press per transaction and once with eight presses per
 * statement, the cheapest a design that combines presses could make them. Nothing else a press does
 * (the device, the slot, the choice, the limits, consent, the fulfilment, webhooks) is counted.
 */
final class PressWrites {

    private static final List<String> TABLES = List.of(
            "device_nonces",
            "device_presses",
            "orders",
            "order_lines",
            "inventory_reservations",
            "inventory_movements",
            "inventory_levels");

    /** Per press: the rate pgbench wrote them at, and the machine's busy CPU time. */
    record Ceiling(MachineCpu.Measured onePerTransaction, MachineCpu.Measured eightPerStatement) {}

    private PressWrites() {}

    static Ceiling measure(Pgbench pgbench, String store, String product, int clients)
            throws IOException, InterruptedException {
        // A real press's answer and a real order's consent evidence, so the rows are as large.
        var answer =
                pgbench.psql("postgres", "select answer::text from device_presses order by created_at desc limit 1");
        var evidence = pgbench.psql(
                "postgres",
                "select coalesce(consent_evidence::text, '{}') from orders where store_id = " + literal(store)
                        + " order by placed_at desc limit 1");
        // A run that was stopped may have left its copies behind.
        pgbench.psql(
                "postgres",
                each("drop table if exists bench_$1") + "; " + each("create table bench_$1 (like $1 including all)")
                        + "; insert into bench_inventory_levels select * from inventory_levels where store_id = "
                        + literal(store) + " and product_id = " + literal(product));
        try {
            var one = pgbench.script(
                    "postgres", statements(store, product, answer, evidence, 1), clients, 10, "-M", "prepared");
            var eight = pgbench.script(
                    "postgres", statements(store, product, answer, evidence, 8), clients, 10, "-M", "prepared");
            var ceiling = new Ceiling(one, new MachineCpu.Measured(eight.rate() * 8, eight.cpuMsPerRequest() / 8));
            System.out.printf(
                    "pgbench, the rows every press writes, on copies of their tables (%d clients, 10 s):"
                            + " %.0f presses/s at %.2f ms of the machine's CPU each, one press per transaction;"
                            + " %.0f presses/s at %.2f ms each, eight presses per statement%n",
                    clients,
                    ceiling.onePerTransaction().rate(),
                    ceiling.onePerTransaction().cpuMsPerRequest(),
                    ceiling.eightPerStatement().rate(),
                    ceiling.eightPerStatement().cpuMsPerRequest());
            return ceiling;
        } finally {
            pgbench.psql("postgres", each("drop table if exists bench_$1"));
        }
    }

    private static String each(String template) {
        return String.join(
                "; ",
                TABLES.stream().map(table -> template.replace("$1", table)).toList());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * JSON as a literal in a pgbench script, where {@code :name} would be read as a variable: a
     * colon followed by a letter can only be inside a string (PostgreSQL writes {@code ": "} between
     * a key and its value), so it is written as the same character escaped.
     */
    private static String json(String text) {
        return literal(text.replaceAll(":(?=[A-Za-z_])", "\\\\u003a"));
    }

    /** One transaction writing {@code presses} presses' rows, each table's rows in one statement. */
    private static String statements(String store, String product, String answer, String evidence, int presses) {
        return """
                begin;
                with press as (
                  select gen_random_uuid()::text as id, 'dev_bench_' || (random() * 1e9)::bigint as device
                  from generate_series(1, %5$d)),
                nonces as (
                  insert into bench_device_nonces (device_id, nonce, seen_at) select device, id, now() from press),
                presses as (
                  insert into bench_device_presses (device_id, press_id, slot_id, answer, created_at)
                  select device, id, 'main', %3$s::jsonb, now() from press),
                orders as (
                  insert into bench_orders (id, household_id, store_id, status, fulfilment, total_amount, currency,
                    placed_at, cancel_until, source, updated_at, confirm_by, consent_evidence, fulfilment_id)
                  select 'ord_' || id, 'hh_bench', %1$s, 'PLACED', 'PICKUP', 100, 'EUR', now(),
                    now() + interval '30 minutes', 'device:' || device, now(), null, %4$s::jsonb, null from press),
                lines as (
                  insert into bench_order_lines (order_id, line_no, product_id, product_name, quantity, unit_price,
                    reservation_id)
                  select 'ord_' || id, 1, %2$s, 'Press item', 1, 100, 'res_' || id from press),
                held as (
                  insert into bench_inventory_reservations (id, store_id, product_id, quantity, status, reference,
                    created_at, expires_at)
                  select 'res_' || id, %1$s, %2$s, 1, 'ACTIVE', 'ord_' || id, now(), now() + interval '1 hour'
                  from press)
                insert into bench_inventory_movements (store_id, product_id, kind, on_hand_delta, reserved_delta,
                  reason, reference, at)
                select %1$s, %2$s, 'RESERVED', 0, 1, null, 'ord_' || id, now() from press;
                update bench_inventory_levels set reserved = reserved + %5$d, updated_at = now()
                  where store_id = %1$s and product_id = %2$s;
                commit;
                """.formatted(literal(store), literal(product), json(answer), json(evidence), presses);
    }
}
