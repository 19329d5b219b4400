package dev.corner.inventory;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Gtin;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's products, prices and stock as CSV, out and in. An import checks every row before it
 * changes anything: a file with one bad row changes nothing and the report names every bad row.
 */
@Service
public class StockFiles {

    /** The columns, in this order on export; an import needs {@code gtin} and any of the others. */
    public static final List<String> COLUMNS = List.of("gtin", "name", "brand", "unit", "price", "onHand");

    public static final int MAX_ROWS = 50_000;

    private final Stores stores;
    private final Catalog catalog;
    private final StockLedger ledger;
    private final StockKeeping stockKeeping;

    StockFiles(Stores stores, Catalog catalog, StockLedger ledger, StockKeeping stockKeeping) {
        this.stores = stores;
        this.catalog = catalog;
        this.ledger = ledger;
        this.stockKeeping = stockKeeping;
    }

    /** One row the import refused, with everything wrong with it (row 1 is the first after the header). */
    public record BadRow(long row, List<String> problems) {}

    /** The whole file was refused; nothing was changed. */
    public static final class ImportRefused extends CornerException {
        private final List<BadRow> rows;

        ImportRefused(List<BadRow> rows) {
            super(Kind.INVALID, "IMPORT_REFUSED", rows.size() + " rows are wrong; nothing was imported");
            this.rows = List.copyOf(rows);
        }

        public List<BadRow> rows() {
            return rows;
        }
    }

    /** What an import did. */
    public record ImportReport(int rows, int productsCreated, int pricesSet, int stockSet) {}

    /** A checked row; {@code known} is the product its GTIN names already, null for a new one. */
    record Row(Gtin gtin, ProductId known, String name, String brand, String unit, Money price, Long onHand) {}

    private static final int APPLY_CHUNK = 500;

    @Transactional(readOnly = true)
    public String export(Caller caller, StoreId storeId) {
        var store = stores.requireOwnedBy(storeId, caller);
        var prices = catalog.pricesAt(storeId);
        var levels = new LinkedHashMap<ProductId, StockLevel>();
        ledger.levels(storeId).forEach(stock -> levels.put(stock.productId(), stock.level()));
        var products = new LinkedHashSet<ProductId>(levels.keySet());
        products.addAll(prices.keySet());
        var out = new StringWriter();
        try (var csv = CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
            for (var productId : products) {
                var product = catalog.requireProduct(productId);
                var price = prices.get(productId);
                csv.printRecord(
                        product.gtin().value(),
                        product.name(),
                        product.brand(),
                        product.unit(),
                        price == null ? "" : decimal(price, store.currency()),
                        levels.getOrDefault(productId, StockLevel.NONE).onHand());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Creates the products that are new (by GTIN), sets the prices given and sets stock on hand to
     * the quantities given (booked as a count, so the ledger shows the difference). All in the
     * caller's transaction; {@link StockImports} runs the same steps in the background with progress.
     */
    @Transactional
    public ImportReport importCsv(Caller caller, StoreId storeId, Reader csvText) {
        var parsed = parse(caller, storeId, csvText);
        return apply(caller, storeId, check(parsed, checked -> {}), applied -> {});
    }

    /** A file whose header and size are right; its rows are not checked yet. */
    record Parsed(Store store, List<CSVRecord> records) {}

    /** Reads the whole file; refuses a missing store, a wrong header, too many rows, or text that is not CSV. */
    Parsed parse(Caller caller, StoreId storeId, Reader csvText) {
        var store = stores.requireOwnedBy(storeId, caller);
        var records = new ArrayList<CSVRecord>();
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(csvText)) {
            var header = parser.getHeaderNames();
            if (!header.contains("gtin") || !COLUMNS.containsAll(header)) {
                throw CornerException.invalid(
                        "INVALID_CSV",
                        "the header must have a gtin column and only these: " + String.join(",", COLUMNS));
            }
            for (var record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw CornerException.invalid("INVALID_CSV", "at most " + MAX_ROWS + " rows per file");
                }
                records.add(record);
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw CornerException.invalid("INVALID_CSV", "the file is not CSV: " + e.getMessage());
        }
        return new Parsed(store, records);
    }

    /** Checks every row and changes nothing; {@code checked} hears how many rows are done. */
    List<Row> check(Parsed parsed, IntConsumer checked) {
        var rows = new ArrayList<Row>();
        var bad = new ArrayList<BadRow>();
        var seen = new HashSet<String>();
        int done = 0;
        for (var record : parsed.records()) {
            var problems = new ArrayList<String>();
            var row = read(record, parsed.store().currency(), problems);
            if (row != null && !seen.add(row.gtin().value())) {
                problems.add("GTIN " + row.gtin().value() + " appears more than once");
            }
            if (problems.isEmpty()) {
                rows.add(row);
            } else {
                bad.add(new BadRow(record.getRecordNumber(), problems));
            }
            checked.accept(++done);
        }
        if (!bad.isEmpty()) {
            throw new ImportRefused(bad);
        }
        return rows;
    }

    /**
     * Writes checked rows; {@code applied} hears how many are done. Rows of products that exist go
     * first, in product order, a chunk at a time: the stock rows they lock are locked in the order
     * every other writer uses, so a long import and the till cannot wait for each other in a circle.
     * New products have no stock rows anyone else could hold.
     */
    ImportReport apply(Caller caller, StoreId storeId, List<Row> rows, IntConsumer applied) {
        var ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((Row row) -> row.known() == null)
                .thenComparing(row ->
                        row.known() == null ? row.gtin().value() : row.known().value()));
        int created = 0;
        int priced = 0;
        int stocked = 0;
        int done = 0;
        for (int from = 0; from < ordered.size(); from += APPLY_CHUNK) {
            var chunk = ordered.subList(from, Math.min(ordered.size(), from + APPLY_CHUNK));
            var counted = new LinkedHashMap<ProductId, Long>();
            for (var row : chunk) {
                var productId = row.known();
                if (productId == null) {
                    // Made since the rows were checked? Then use it. (A refusal from addProduct would
                    // doom the whole transaction, so it is not caught.)
                    var meanwhile = catalog.productByGtin(row.gtin().value());
                    if (meanwhile.isPresent()) {
                        productId = meanwhile.get().id();
                    } else {
                        productId = catalog.addProduct(caller, row.gtin().value(), row.name(), row.brand(), row.unit());
                        created++;
                    }
                }
                if (row.price() != null) {
                    catalog.setOffer(caller, storeId, productId, row.price());
                    priced++;
                }
                if (row.onHand() != null) {
                    counted.put(productId, row.onHand());
                }
            }
            if (!counted.isEmpty()) {
                stockKeeping.count(caller, storeId, StockKeeping.CountKind.CYCLE, counted);
                stocked += counted.size();
            }
            done += chunk.size();
            applied.accept(done);
        }
        return new ImportReport(rows.size(), created, priced, stocked);
    }

    private Row read(CSVRecord record, String currency, List<String> problems) {
        Gtin gtin = null;
        try {
            gtin = new Gtin(value(record, "gtin"));
        } catch (CornerException e) {
            problems.add("gtin: " + e.getMessage());
        }
        var name = value(record, "name");
        var brand = value(record, "brand");
        var unit = value(record, "unit");
        var known = gtin == null
                ? null
                : catalog.productByGtin(gtin.value()).map(Product::id).orElse(null);
        if (gtin != null && known == null && (name == null || brand == null || unit == null)) {
            problems.add("a new product needs name, brand and unit");
        }
        for (var text : new String[] {name, brand, unit}) {
            if (text != null && (text.length() > 200 || text.chars().anyMatch(Character::isISOControl))) {
                problems.add("a text is longer than 200 characters or holds control characters");
            }
        }
        Money price = null;
        var priceText = value(record, "price");
        if (priceText != null) {
            try {
                price = money(priceText, currency);
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add("price: '" + priceText + "' is not an amount in " + currency + " above zero");
            }
        }
        Long onHand = null;
        var onHandText = value(record, "onHand");
        if (onHandText != null) {
            try {
                onHand = Long.parseLong(onHandText);
                if (onHand < 0 || onHand > StockLine.MAX_QUANTITY) {
                    problems.add("onHand must be 0 to " + StockLine.MAX_QUANTITY);
                }
            } catch (NumberFormatException e) {
                problems.add("onHand: '" + onHandText + "' is not a whole number");
            }
        }
        return problems.isEmpty() ? new Row(gtin, known, name, brand, unit, price, onHand) : null;
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        var value = record.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** "3.49" in EUR is 349 minor units; more decimals than the currency has is an error, not rounding. */
    static Money money(String text, String currency) {
        var digits = Currency.getInstance(currency).getDefaultFractionDigits();
        var minor = new BigDecimal(text).movePointRight(digits).longValueExact();
        if (minor <= 0) {
            throw new ArithmeticException("not above zero");
        }
        return new Money(minor, currency);
    }

    static String decimal(Money money, String currency) {
        var digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(money.amount(), digits).toPlainString();
    }
}
