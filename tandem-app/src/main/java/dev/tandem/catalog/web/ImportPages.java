package dev.tandem.catalog.web;

import dev.tandem.catalog.CatalogExport;
import dev.tandem.catalog.CatalogImport;
import dev.tandem.catalog.ImportSummary;
import dev.tandem.shared.InvalidDocumentException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Backstage catalog-info.yaml in (uploaded or pasted, optionally as a dry run) and out. */
@Controller
class ImportPages {

    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final CatalogImport catalogImport;
    private final CatalogExport catalogExport;

    ImportPages(CatalogImport catalogImport, CatalogExport catalogExport) {
        this.catalogImport = catalogImport;
        this.catalogExport = catalogExport;
    }

    @GetMapping("/catalog/import")
    String form(Model model) {
        model.addAttribute("yaml", "");
        model.addAttribute("dryRun", true);
        return "catalog/import";
    }

    @PostMapping("/catalog/import")
    String run(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String yaml,
               @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        // an uploaded file wins over the text area, whose content is kept for the next try
        String text = uploaded ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml == null ? "" : yaml;
        model.addAttribute("yaml", uploaded ? "" : text);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("source", uploaded ? file.getOriginalFilename() : null);
        if (text.isBlank()) {
            model.addAttribute("missing", true);
            return "catalog/import";
        }
        try {
            ImportSummary summary = catalogImport.run(text, dryRun);
            model.addAttribute("summary", summary);
        } catch (InvalidDocumentException e) {
            model.addAttribute("problems", e.problems());
        }
        return "catalog/import";
    }

    @GetMapping("/catalog/export")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("catalog-info.yaml").build().toString())
                .body(catalogExport.export());
    }
}
