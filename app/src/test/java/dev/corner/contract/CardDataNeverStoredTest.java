package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood.Account;
import dev.corner.payments.SimulatedTerminal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After card payments of every kind (approved, declined, failed, refused as invalid, at the terminal),
 * no full card number and no security code is anywhere in the database or in the application log.
 */
@CornerTest
@ExtendWith(OutputCaptureExtension.class)
class CardDataNeverStoredTest extends ContractTest {

    /** Each card with a security code of its own, so a leaked code can be traced to its card. */
    static final Map<String, String> CARDS = new LinkedHashMap<>();

    static {
        CARDS.put("4242424242424242", "314");
        CARDS.put("4000000000000002", "159");
        CARDS.put("4000000000009995", "265");
        CARDS.put("4000000000000069", "358");
        CARDS.put("4000000000000119", "979");
        CARDS.put("4000000000007775", "323");
        CARDS.put("5555555555554444", "846");
        CARDS.put("378282246310005", "2643");
    }

    // Refused before tokenization: a wrong check digit, and a valid number with a wrong-length code.
    static final String BAD_LUHN = "4242424242424243";
    static final String VALID_UNSAVED = "4111111111111111";
    static final String UNSAVED_CVC = "4417";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatedTerminal terminal;

    private Api.Response saveCard(Account household, String number, String cvc) {
        var expiry = YearMonth.now(clock).plusYears(3);
        return api.send(
                "POST",
                "/api/v1/payment-methods",
                household.token(),
                Map.of(
                        "number",
                        number,
                        "expMonth",
                        expiry.getMonthValue(),
                        "expYear",
                        expiry.getYear(),
                        "cvc",
                        cvc,
                        "holder",
                        "Max Mustermann"),
                // Stored answers to idempotent requests are a place card data could end up, too.
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Test
    void noCardNumberOrSecurityCodeIsInTheDatabaseOrTheLog(CapturedOutput output) {
        var household = town.account("HOUSEHOLD");
        var responses = new ArrayList<Api.Response>();
        var intents = new ArrayList<String>();
        String lastMethod = null;
        for (var card : CARDS.entrySet()) {
            var saved = saveCard(household, card.getKey(), card.getValue());
            assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
            responses.add(saved);
            lastMethod = saved.text("paymentMethodId");
            var intent = api.post(
                    "/api/v1/payment-intents",
                    household.token(),
                    Map.of(
                            "paymentMethodId",
                            lastMethod,
                            "amount",
                            Map.of("amount", 1000, "currency", "EUR"),
                            "reference",
                            "scan"));
            responses.add(intent);
            var id = intent.text("paymentIntentId");
            intents.add(id);
            if ("AUTHORIZED".equals(intent.text("status"))) {
                responses.add(api.post(
                        "/api/v1/payment-intents/" + id + "/capture",
                        household.token(),
                        Map.of("amount", Map.of("amount", 800, "currency", "EUR"))));
                responses.add(api.post(
                        "/api/v1/payment-intents/" + id + "/refund",
                        household.token(),
                        Map.of("refundId", "r1", "amount", Map.of("amount", 300, "currency", "EUR"))));
            }
        }
        responses.add(saveCard(household, BAD_LUHN, "314"));
        responses.add(saveCard(household, VALID_UNSAVED, UNSAVED_CVC));
        responses.add(api.post(
                "/api/v1/payment-methods",
                household.token(),
                "{\"number\":\"" + VALID_UNSAVED + "\",\"expMonth\":\"soon\",\"cvc\":\"" + UNSAVED_CVC + "\"}"));
        var merchant = town.account("MERCHANT");
        for (var number : CARDS.keySet()) {
            var terminalId = "scan-" + UUID.randomUUID();
            terminal.present(terminalId, number);
            responses.add(api.post(
                    "/api/v1/terminals/" + terminalId + "/charges",
                    merchant.token(),
                    Map.of("amount", Map.of("amount", 250, "currency", "EUR"))));
        }

        var numbers = new ArrayList<>(CARDS.keySet());
        numbers.add(BAD_LUHN);
        numbers.add(VALID_UNSAVED);
        var codes = new ArrayList<>(CARDS.values());
        codes.add(UNSAVED_CVC);

        // The scan can see what it looks for: the log has the intents, the database the last four
        // digits and the stored idempotent answers (bytea) with the payment method ids.
        assertThat(output.getAll()).contains(intents.get(0));
        assertThat(columnsHolding("4242")).contains("payment_methods.last4");
        assertThat(columnsHolding(lastMethod)).contains("payment_methods.id", "common_idempotency_keys.body");

        for (var response : responses) {
            for (var number : numbers) {
                assertThat(response.raw()).doesNotContain(number);
            }
        }
        for (var number : numbers) {
            assertThat(columnsHolding(number)).as("columns holding " + number).isEmpty();
            assertThat(output.getAll()).as("the log").doesNotContain(number);
        }
        for (var code : codes) {
            assertThat(columnsHoldingCode(code))
                    .as("columns holding code " + code)
                    .isEmpty();
            assertThat(namedCode(code).matcher(output.getAll()).find())
                    .as("the log names security code " + code)
                    .isFalse();
        }
    }

    /** Every text, json or bytea column of every table in the public schema. */
    private List<String[]> textColumns() {
        return jdbc.sql("""
                        select c.table_name, c.column_name, c.data_type
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                          and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb',
                                              'xml', 'ARRAY')
                        order by c.table_name, c.column_name""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    private static String asText(String[] column) {
        var quoted = "\"" + column[1].replace("\"", "\"\"") + "\"";
        // bytea as its bytes with only non-printable ones escaped, so UTF-8 JSON reads as itself.
        return "bytea".equals(column[2]) ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
    }

    private List<String> columnsWhere(String condition, String value) {
        var found = new ArrayList<String>();
        var columns = textColumns();
        assertThat(columns).extracting(c -> c[0] + "." + c[1]).contains("payment_methods.gateway_token");
        for (var column : columns) {
            var sql = "select count(*) from \"" + column[0].replace("\"", "\"\"") + "\" where "
                    + condition.replace("$col", asText(column));
            long hits = jdbc.sql(sql).param("v", value).query(Long.class).single();
            if (hits > 0) {
                found.add(column[0] + "." + column[1]);
            }
        }
        return found;
    }

    private List<String> columnsHolding(String text) {
        return columnsWhere("strpos($col, :v) > 0", text);
    }

    /**
     * A three-digit code alone occurs everywhere (amounts, times), so a code counts as stored when a
     * whole value is the code, or when it follows a name for it ({@code "cvc":"314"}, {@code cvv=314}).
     */
    private List<String> columnsHoldingCode(String code) {
        return columnsWhere("(btrim($col) = :v or $col ~* ('(cvc|cvv|csc|security.?code)[^0-9a-z]{0,6}' || :v))", code);
    }

    private static Pattern namedCode(String code) {
        return Pattern.compile("(?i)(cvc|cvv|csc|security.?code)[^0-9a-z]{0,6}" + code);
    }
}
