package dev.tandem.cli;

import dev.tandem.catalog.CatalogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Write the whole catalog as catalog-info.yaml.", mixinStandardHelpOptions = true)
class CatalogExportCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        String yaml;
        if (server.remote()) {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Http.uri(server.url("/api/v1/catalog/export"))).GET(),
                    server.token);
            if (response.statusCode() != 200) {
                System.err.println(response.body());
                return 1;
            }
            yaml = response.body();
        } else {
            yaml = LocalContext.run(ctx -> ctx.getBean(CatalogExport.class).export());
        }
        if (output == null) {
            System.out.print(yaml);
        } else {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
