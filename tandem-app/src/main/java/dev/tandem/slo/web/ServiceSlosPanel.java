package dev.tandem.slo.web;

import dev.tandem.catalog.Service;
import dev.tandem.catalog.ServicePanel;
import dev.tandem.catalog.ServicePanel.Row;
import dev.tandem.catalog.ServicePanel.Status;
import dev.tandem.catalog.ServicePanels;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.SloSummary;
import dev.tandem.slo.Slos;
import dev.tandem.web.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A service's SLOs on the catalog's service page: the same stored figures as {@code /services/{name}/slos}
 * (the last evaluation's SLI, budget and states), worst budget first. It reads no SLI source, so the service
 * page costs one query however many SLOs the service has.
 */
@Component
@Order(100)
class ServiceSlosPanel implements ServicePanels {

    static final List<String> COLUMNS = List.of("Objective", "SLI", "Budget left", "Data");

    private final Slos slos;

    ServiceSlosPanel(Slos slos) {
        this.slos = slos;
    }

    @Override
    public ServicePanel panelFor(Service service) {
        List<Row> rows = slos.forService(service.name()).stream().map(ServiceSlosPanel::row).toList();
        Viewer viewer = Viewer.current();
        boolean mayImport = viewer != null && viewer.editor();
        return new ServicePanel("SLOs", "/services/" + path(service.name()) + "/slos", COLUMNS, rows,
                "No SLOs yet.", mayImport ? "/slos#import" : null, mayImport ? "Import one" : null);
    }

    static Row row(SloSummary s) {
        boolean figures = !s.queryRejected();
        String sli = figures && s.sli() != null ? percent(s.sli(), 3) : "–";
        String budget = !figures ? "–" : s.budgetRemaining() == null ? "not evaluated" : percent(s.budgetRemaining(), 1);
        String data = s.dataState() == null ? "not evaluated" : s.dataLabel();
        BudgetState state = s.budgetState();
        return new Row(s.label(), "/slos/" + path(s.name()), List.of(s.targetPercent() + " %", sli, budget, data),
                status(state), state == null ? "" : state.label());
    }

    private static Status status(BudgetState state) {
        if (state == null) {
            return Status.NONE;
        }
        return switch (state) {
            case HEALTHY -> Status.OK;
            case AT_RISK -> Status.WARN;
            case EXHAUSTED -> Status.BAD;
        };
    }

    private static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", fraction * 100);
    }

    private static String path(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
