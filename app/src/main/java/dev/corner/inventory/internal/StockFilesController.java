package dev.corner.inventory.internal;

import dev.corner.common.Caller;
import dev.corner.common.web.Problems;
import dev.corner.inventory.StockFiles;
import dev.corner.inventory.StockImports;
import dev.corner.inventory.StockImports.ImportView;
import dev.corner.stores.StoreId;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class StockFilesController {

    private final StockFiles files;
    private final StockImports imports;

    StockFilesController(StockFiles files, StockImports imports) {
        this.files = files;
        this.imports = imports;
    }

    record Problem(String code, String detail) {}

    record ImportJson(
            String importId,
            String status,
            int rowsTotal,
            int rowsChecked,
            int rowsApplied,
            StockFiles.ImportReport report,
            List<StockFiles.BadRow> rows,
            Problem problem,
            Instant createdAt,
            Instant finishedAt) {

        static ImportJson of(ImportView view) {
            return new ImportJson(
                    view.importId(),
                    view.status().name(),
                    view.rowsTotal(),
                    view.rowsChecked(),
                    view.rowsApplied(),
                    view.report(),
                    view.badRows(),
                    view.problemCode() == null ? null : new Problem(view.problemCode(), view.problemDetail()),
                    view.createdAt(),
                    view.finishedAt());
        }
    }

    record Imports(List<ImportJson> imports) {}

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> export(Caller caller, @PathVariable String storeId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stock-" + storeId + ".csv\"")
                .body(files.export(caller, new StoreId(storeId)));
    }

    /**
     * With {@code Prefer: respond-async} the import runs in the background: 202 with its status and
     * a {@code Location} to poll. Without, it runs within the request: 201 with the report.
     */
    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", "text/plain"})
    ResponseEntity<?> importCsv(
            Caller caller,
            @PathVariable String storeId,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestBody(required = false) String csv) {
        var store = new StoreId(storeId);
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            var started = imports.start(caller, store, csv);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/stores/" + storeId + "/stock/imports/" + started.importId()))
                    .header("Preference-Applied", "respond-async")
                    .body(ImportJson.of(started));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(files.importCsv(caller, store, new StringReader(csv == null ? "" : csv)));
    }

    @GetMapping("/imports/{importId}")
    ImportJson importStatus(Caller caller, @PathVariable String storeId, @PathVariable String importId) {
        return ImportJson.of(imports.view(caller, new StoreId(storeId), importId));
    }

    @GetMapping("/imports")
    Imports recentImports(Caller caller, @PathVariable String storeId, @RequestParam(defaultValue = "20") int limit) {
        return new Imports(imports.recent(caller, new StoreId(storeId), limit).stream()
                .map(ImportJson::of)
                .toList());
    }

    @ExceptionHandler(StockFiles.ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(StockFiles.ImportRefused e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("rows", e.rows());
        return ResponseEntity.badRequest().body(problem);
    }
}
