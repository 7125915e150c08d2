package dev.tandem.slo.cli;

import dev.tandem.slo.BurnRate;
import dev.tandem.slo.BurnRateAlert;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import dev.tandem.slo.store.InvalidEventsException;
import dev.tandem.slo.store.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Evaluates an SLO against pushed counts from a CSV file, as the built-in store would.",
                "CSV lines: timestamp,good,total (or a header 'timestamp,bad,total' for bad counts); ISO-8601 timestamps.",
                "Exit 0 when evaluated, 1 when the events are refused, 2 on a usage error or an invalid file."})
class SloStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "OpenSLO or Sloth YAML file")
    Path file;

    @Option(names = "--events", required = true, paramLabel = "CSV", description = "the counts, one minute a line")
    Path events;

    @Option(names = "--slo", paramLabel = "NAME", description = "which SLO of the file (needed when it holds several)")
    String name;

    @Option(names = "--at", paramLabel = "TIME", description = "evaluate at this ISO-8601 instant (default: the minute after the last event)")
    String at;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SloDefinition> slos = DefinitionFiles.read(List.of(file), err, false);
        if (slos == null) {
            return SloCommand.USAGE;
        }
        SloDefinition slo = pick(slos, err);
        if (slo == null) {
            return SloCommand.USAGE;
        }
        List<EventPoint> points = new ArrayList<>();
        if (!parse(Files.readAllLines(events, StandardCharsets.UTF_8), points, err)) {
            return SloCommand.USAGE;
        }
        Instant now;
        try {
            now = at != null ? Instant.parse(at) : points.stream().map(EventPoint::timestamp).max(Instant::compareTo)
                    .map(t -> t.plusSeconds(60)).orElse(Instant.now());
        } catch (DateTimeParseException e) {
            err.println("--at: not an ISO-8601 instant: " + at);
            return SloCommand.USAGE;
        }
        EventStore store = new EventStore(Clock.fixed(now, ZoneOffset.UTC), EventStore.DEFAULT_SKEW);
        store.configure(slo.name(), Retention.forSlo(slo));
        try {
            store.push(slo.name(), points);
        } catch (InvalidEventsException e) {
            for (InvalidEventsException.Problem p : e.problems()) {
                err.println(events + ": event " + (p.index() + 1) + ": " + p.message());
            }
            return SloCommand.FAILURE;
        }
        print(SloEvaluator.evaluate(slo, store.source(slo.name()), now), out);
        return SloCommand.OK;
    }

    private SloDefinition pick(List<SloDefinition> slos, PrintWriter err) {
        if (name == null) {
            if (slos.size() == 1) {
                return slos.get(0);
            }
            err.println(file + " holds " + slos.size() + " SLOs: choose one with --slo");
            return null;
        }
        for (SloDefinition s : slos) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        err.println(file + " has no SLO named " + name);
        return null;
    }

    static boolean parse(List<String> lines, List<EventPoint> points, PrintWriter err) {
        boolean bad = false;
        boolean ok = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*,\\s*");
            if (i == 0 && f.length == 3 && f[0].equalsIgnoreCase("timestamp")) {
                bad = f[1].equalsIgnoreCase("bad");
                continue;
            }
            try {
                if (f.length != 3) {
                    throw new IllegalArgumentException("expected timestamp,count,total");
                }
                Instant t = Instant.parse(f[0]);
                long count = Long.parseLong(f[1]);
                long total = Long.parseLong(f[2]);
                points.add(bad ? EventPoint.bad(t, count, total) : EventPoint.good(t, count, total));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                err.println("line " + (i + 1) + ": " + line + ": " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    static void print(SloStatus s, PrintWriter out) {
        out.println("SLO " + s.slo() + " at " + s.at() + " (period from " + s.period().start() + ")");
        out.println("  data:        " + s.state() + ", " + s.counts().total() + " events, " + s.counts().bad() + " bad");
        out.println("  sli:         " + (s.sli().isPresent() ? percent(s.sli().getAsDouble()) : "no data") + "  objective " + percent(s.objective()));
        out.println("  budget:      " + percent(s.errorBudget().consumed()) + " consumed, " + percent(s.errorBudget().remaining()) + " remaining"
                + " (" + String.format(Locale.ROOT, "%.1f of %.1f allowed %s", s.errorBudget().spent(), s.errorBudget().allowed(),
                s.errorBudget().unit().name().toLowerCase(Locale.ROOT)) + ")");
        out.println("  exhaustion:  " + s.timeToExhaustion().map(SloStatusCommand::duration).orElse("not at the current rate"));
        StringBuilder burns = new StringBuilder("  burn rates: ");
        for (BurnRate b : s.burnRates()) {
            burns.append(' ').append(b.windowName()).append('=')
                    .append(b.value().isPresent() ? String.format(Locale.ROOT, "%.2f", b.value().getAsDouble()) : "-");
        }
        out.println(burns);
        for (BurnRateAlert a : s.alerts()) {
            out.println("  alert " + a.tier() + " (" + a.severity() + ", " + dev.tandem.slo.SloDuration.format(a.longWindow()) + " & " + dev.tandem.slo.SloDuration.format(a.shortWindow())
                    + " > " + a.factor().toPlainString() + "): " + (a.firing() ? "FIRING" : a.state() == dev.tandem.slo.DataState.OK ? "ok" : a.state().name().toLowerCase(Locale.ROOT)));
        }
        out.flush();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.4f %%", v * 100);
    }

    private static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 24 * 60) {
            return String.format(Locale.ROOT, "%.1fd", minutes / 1440.0);
        }
        return minutes >= 60 ? String.format(Locale.ROOT, "%.1fh", minutes / 60.0) : minutes + "m";
    }
}
