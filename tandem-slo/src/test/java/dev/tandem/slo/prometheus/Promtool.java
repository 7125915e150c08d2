package dev.tandem.slo.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}). The tests that use it fail, rather than
 * skip, when it is missing: CI installs it.
 */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    static Path binary() {
        for (String candidate : new String[] {System.getenv("PROMTOOL"), "/usr/bin/promtool", "/usr/local/bin/promtool"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("promtool not found: install Debian's 'prometheus' package (apt-get install prometheus) or set PROMTOOL");
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 5 minutes: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code promtool test rules} on {@code rules.yaml} in {@code dir} with these test groups (evaluation
     * every 5 minutes), writing them as {@code test.yaml}.
     */
    static Result testRules(Path dir, List<Object> tests) throws IOException, InterruptedException {
        java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yaml"));
        file.put("evaluation_interval", "5m");
        file.put("tests", tests);
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Files.writeString(dir.resolve("test.yaml"), new org.yaml.snakeyaml.Yaml(options).dump(file));
        return run(dir, "test", "rules", "test.yaml");
    }
}
