package dev.tandem.cli;

import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import dev.tandem.shared.Json;
import dev.tandem.slo.SloFileSet;
import dev.tandem.slo.SloImportResult;
import dev.tandem.slo.Slos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tandem slo import}: OpenSLO and Sloth files into a running server or the local database, all
 * files as one all-or-nothing import (see {@link SloFileSet}). Registered under the engine's
 * {@code slo} command by {@link TandemCommand}, since it needs the application.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import OpenSLO v1 or Sloth files into Tandem, all files all-or-nothing. Each SLO must name a "
                + "catalog service. Exit 0 on success, 1 when the import is refused (nothing is written), 2 on a usage "
                + "error (an unreadable file, a server that cannot be reached).")
class SloImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "OpenSLO v1 or Sloth prometheus/v1 files")
    List<Path> files;

    @Option(names = "--dry-run", description = "Report what would change, write nothing.")
    boolean dryRun;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                System.err.println(file + ": no such file");
                return SloExit.USAGE;
            } catch (IOException e) {
                System.err.println(file + ": cannot read: " + e.getMessage());
                return SloExit.USAGE;
            }
        }
        SloFileSet set = SloFileSet.read(texts);
        set.problems().forEach(System.err::println);
        set.warnings().forEach(System.err::println);
        if (!set.valid()) {
            System.err.println("nothing was imported");
            return SloExit.REFUSED;
        }
        return server.remote() ? remote(set) : local(set);
    }

    private int local(SloFileSet set) {
        try {
            SloImportResult result = LocalContext.run(ctx -> ctx.getBean(Slos.class).importDocument(set.text(), dryRun));
            print(result);
            return SloExit.OK;
        } catch (InvalidDocumentException e) {
            return refused(set, e.problems());
        }
    }

    private int remote(SloFileSet set) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = Http.send(HttpRequest.newBuilder(Http.uri(server.url("/api/v1/slos/import" + (dryRun ? "?dryRun=true" : ""))))
                    .header("Content-Type", "application/yaml")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(set.text(), StandardCharsets.UTF_8)), server.token);
        } catch (IOException e) {
            System.err.println(server.server + ": cannot reach the server: " + e);
            return SloExit.USAGE;
        }
        if (response.statusCode() == 200) {
            print(Json.read(response.body(), SloImportResult.class));
            return SloExit.OK;
        }
        JsonNode problem = SloExit.problem(response);
        if (response.statusCode() == 400 && problem != null && problem.has("errors")) {
            List<DocumentProblem> problems = new ArrayList<>();
            for (JsonNode e : problem.get("errors")) {
                problems.add(new DocumentProblem(e.path("index").asInt(-1),
                        e.path("line").isNumber() ? e.path("line").asInt() : null, SloExit.text(e, "kind"),
                        SloExit.text(e, "name"), SloExit.text(e, "path"), SloExit.text(e, "message")));
            }
            return refused(set, problems);
        }
        System.err.println("nothing was imported: " + SloExit.describe(response, problem));
        return SloExit.REFUSED;
    }

    private static int refused(SloFileSet set, List<DocumentProblem> problems) {
        System.err.println("nothing was imported");
        for (DocumentProblem p : problems) {
            System.err.println(set.locate(p));
        }
        return SloExit.REFUSED;
    }

    private static void print(SloImportResult result) {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "unchanged", 0));
        for (SloImportResult.Entry e : result.slos()) {
            System.out.printf("%-9s %s (service %s, version %d)%n", e.outcome(), e.name(), e.service(), e.version());
            counts.merge(e.outcome(), 1, Integer::sum);
        }
        System.out.printf("%s%d created, %d updated, %d unchanged%n", result.dryRun() ? "dry run, nothing written: " : "",
                counts.get("created"), counts.get("updated"), counts.get("unchanged"));
    }
}
