package dev.tandem.cli;

import dev.tandem.catalog.CatalogImport;
import dev.tandem.catalog.ImportSummary;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import a catalog-info.yaml all-or-nothing. Exit 0 on success, "
        + "1 when the file is refused (nothing is written), 2 on a usage error.", mixinStandardHelpOptions = true)
class CatalogImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "catalog-info.yaml (multi-document)")
    Path file;

    @Option(names = "--dry-run", description = "Report what would change, write nothing.")
    boolean dryRun;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println(file + ": no such file");
            return 2;
        }
        if (server.remote()) {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
                            Http.uri(server.url("/api/v1/catalog/import" + (dryRun ? "?dryRun=true" : ""))))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(yaml)), server.token);
            System.out.println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : response.statusCode() == 400 ? 1 : 2;
        }
        try {
            ImportSummary summary = LocalContext.run(ctx -> ctx.getBean(CatalogImport.class).run(yaml, dryRun));
            System.out.printf("%s%d created, %d updated, %d unchanged, %d skipped%n", dryRun ? "dry run: " : "",
                    summary.created(), summary.updated(), summary.unchanged(), summary.skipped());
            return 0;
        } catch (InvalidDocumentException e) {
            System.err.println(file + ": nothing was imported");
            for (DocumentProblem p : e.problems()) {
                System.err.printf("%s%s: document %d%s%s: %s%n", file, p.line() == null ? "" : ":" + p.line(), p.index() + 1,
                        p.kind() == null ? "" : " (" + p.kind() + (p.name() == null ? "" : " " + p.name()) + ")",
                        p.path() == null || p.path().isEmpty() ? "" : ", " + p.path(), p.message());
            }
            return 1;
        }
    }
}
