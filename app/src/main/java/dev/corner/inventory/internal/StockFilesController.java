package dev.corner.inventory.internal;

import dev.corner.common.Caller;
import dev.corner.common.web.Problems;
import dev.corner.inventory.StockFiles;
import dev.corner.stores.StoreId;
import java.io.StringReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class StockFilesController {

    private final StockFiles files;

    StockFilesController(StockFiles files) {
        this.files = files;
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> export(Caller caller, @PathVariable String storeId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stock-" + storeId + ".csv\"")
                .body(files.export(caller, new StoreId(storeId)));
    }

    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    StockFiles.ImportReport importCsv(Caller caller, @PathVariable String storeId, @RequestBody String csv) {
        return files.importCsv(caller, new StoreId(storeId), new StringReader(csv));
    }

    @ExceptionHandler(StockFiles.ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(StockFiles.ImportRefused e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("rows", e.rows());
        return ResponseEntity.badRequest().body(problem);
    }
}
