package dev.corner.merchant;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.web.Problems;
import dev.corner.inventory.StockFiles;
import dev.corner.inventory.StockImports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV export, and CSV import in the background with a progress bar that htmx keeps current. */
@Controller
@RequestMapping("/merchant/stores/{storeId}")
class FilePages {

    private final BackOffice office;
    private final StockFiles files;
    private final StockImports imports;

    FilePages(BackOffice office, StockFiles files, StockImports imports) {
        this.office = office;
        this.files = files;
        this.imports = imports;
    }

    @GetMapping("/files")
    String filesPage(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "files");
        model.addAttribute("imports", imports.recent(caller, store.id(), 10));
        return "merchant/files";
    }

    @GetMapping("/export.csv")
    ResponseEntity<String> export(Caller caller, @PathVariable String storeId, Model model) {
        var store = office.store(caller, storeId, model, "files");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stock-" + storeId + ".csv\"")
                .body(files.export(caller, store.id()));
    }

    @PostMapping("/imports")
    String startImport(
            Caller caller,
            @PathVariable String storeId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        var store = office.store(caller, storeId, model, "files");
        try {
            if (file == null || file.isEmpty()) {
                throw CornerException.invalid("INVALID_CSV", "choose a CSV file to import");
            }
            var started = imports.start(caller, store.id(), new String(file.getBytes(), StandardCharsets.UTF_8));
            return "redirect:/merchant/stores/" + storeId + "/imports/" + started.importId();
        } catch (CornerException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorCode", e.code());
            model.addAttribute("imports", imports.recent(caller, store.id(), 10));
            return "merchant/files";
        }
    }

    @GetMapping("/imports/{importId}")
    String importPage(Caller caller, @PathVariable String storeId, @PathVariable String importId, Model model) {
        var store = office.store(caller, storeId, model, "files");
        model.addAttribute("job", imports.view(caller, store.id(), importId));
        return "merchant/import";
    }

    /** The progress section alone; htmx asks for it again until the import has finished. */
    @GetMapping("/imports/{importId}/progress")
    String importProgress(Caller caller, @PathVariable String storeId, @PathVariable String importId, Model model) {
        var store = office.store(caller, storeId, model, "files");
        model.addAttribute("job", imports.view(caller, store.id(), importId));
        return "merchant/import :: progress";
    }
}
