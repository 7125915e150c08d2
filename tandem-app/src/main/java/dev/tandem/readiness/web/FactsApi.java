package dev.tandem.readiness.web;

import dev.tandem.readiness.Fact;
import dev.tandem.readiness.FactInput;
import dev.tandem.readiness.FactRefresh;
import dev.tandem.readiness.Facts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/services/{name}/facts")
@Tag(name = "Production readiness")
class FactsApi {

    private final Facts facts;
    private final FactRefresh refresh;

    FactsApi(Facts facts, FactRefresh refresh) {
        this.facts = facts;
        this.refresh = refresh;
    }

    @GetMapping
    @Operation(summary = "Every fact known about the service, with its source, time and expiry")
    List<Fact> list(@PathVariable String name) {
        return facts.list(name);
    }

    @PostMapping
    @Operation(summary = "Push facts from a pipeline (a JSON array), all-or-nothing",
            description = "Each fact has a key and an outcome (pass, fail, exempt, not-applicable) and/or a value, "
                    + "optional details and a time-to-live (default 7d). A fact whose key is a check id answers that check; "
                    + "any other key with an outcome answers the check fact.<key>.")
    List<Fact> push(@PathVariable String name, @RequestBody List<FactInput> body) {
        return facts.push(name, body);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Run every collector for this service now")
    FactRefresh.Result refresh(@PathVariable String name) {
        return refresh.refresh(name);
    }
}
