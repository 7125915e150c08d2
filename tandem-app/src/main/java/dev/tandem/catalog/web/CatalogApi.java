package dev.tandem.catalog.web;

import dev.tandem.catalog.CatalogExport;
import dev.tandem.catalog.CatalogImport;
import dev.tandem.catalog.DemoCatalog;
import dev.tandem.catalog.ImportSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog import and export")
class CatalogApi {

    static final String YAML = "application/yaml";

    private final CatalogImport importer;
    private final CatalogExport exporter;
    private final DemoCatalog demo;

    CatalogApi(CatalogImport importer, CatalogExport exporter, DemoCatalog demo) {
        this.importer = importer;
        this.exporter = exporter;
        this.demo = demo;
    }

    @PostMapping(path = "/api/v1/catalog/import", consumes = {YAML, "application/x-yaml", "text/yaml"})
    @Operation(summary = "Import Backstage descriptors (multi-document catalog-info.yaml), all-or-nothing",
            description = "Entities are matched by kind and name: a second import of the same file changes nothing. "
                    + "With dryRun=true nothing is written. A refused file answers 400 with every problem "
                    + "(document index, line, field path, message) and writes nothing.")
    ImportSummary importCatalog(@RequestBody String yaml, @RequestParam(defaultValue = "false") boolean dryRun) {
        return importer.run(yaml, dryRun);
    }

    @GetMapping(path = "/api/v1/catalog/export", produces = YAML)
    @Operation(summary = "The whole catalog as Backstage descriptors")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=catalog-info.yaml")
                .contentType(MediaType.parseMediaType(YAML))
                .body(exporter.export());
    }

    @PostMapping("/api/v1/catalog/demo")
    @Operation(summary = "Load the demo organisation into an empty catalog (admins)")
    ImportSummary loadDemo() {
        return demo.load();
    }
}
