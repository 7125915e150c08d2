package dev.tandem.catalog.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.ServiceDraft;
import dev.tandem.catalog.ServicePanel;
import dev.tandem.catalog.ServicePanels;
import dev.tandem.catalog.ServiceQuery;
import dev.tandem.catalog.ServiceSummary;
import dev.tandem.catalog.Services;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import dev.tandem.web.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service list, the service page and the service form. */
@Controller
class ServicePages {

    private static final Logger log = LoggerFactory.getLogger(ServicePages.class);

    static final List<String> LIFECYCLES = List.of("production", "experimental", "deprecated");

    /** Every order the list offers; the table headers cover all but "updated", which has no column. */
    static final Map<String, String> ORDERS = orders();

    private final Services services;
    private final CatalogChoices choices;
    private final AccessPolicy policy;
    private final Validator validator;
    private final ObjectProvider<ServicePanels> panels;

    ServicePages(Services services, CatalogChoices choices, AccessPolicy policy, Validator validator,
                 ObjectProvider<ServicePanels> panels) {
        this.services = services;
        this.choices = choices;
        this.policy = policy;
        this.validator = validator;
        this.panels = panels;
    }

    @GetMapping("/services")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
                @RequestParam(required = false) String level, @RequestParam(required = false) String lifecycle,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String system,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false, defaultValue = "name,asc") String sort,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
                jakarta.servlet.http.HttpServletRequest request, Model model) {
        ServiceQuery query = new ServiceQuery(q, owner, ReadinessLevel.parse(level), lifecycle, tag, system);
        Page<ServiceSummary> results = services.list(query, PageRequest.of(page, size, sort));
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("rowsHtml", ServiceRowsHtml.render(results.items(), request.getContextPath()));
        model.addAttribute("sort", sort);
        model.addAttribute("teams", choices.teamNamesForSelect());
        model.addAttribute("levels", ReadinessLevel.values());
        model.addAttribute("lifecycles", LIFECYCLES);
        model.addAttribute("orders", ORDERS);
        // htmx live search swaps only the results; a history restore needs the whole page
        boolean fragment = "true".equals(htmx) && !"true".equals(restore);
        return fragment ? "catalog/services/list :: results" : "catalog/services/list";
    }

    @GetMapping("/services/{name}")
    String show(@PathVariable String name, Model model) {
        Service service = services.get(name);
        model.addAttribute("service", service);
        model.addAttribute("dependents", services.dependents(name));
        model.addAttribute("canChange", policy.canChangeTeam(service.owner()));
        model.addAttribute("panels", panels(service));
        return "catalog/services/show";
    }

    /**
     * The sections other modules add, in their order. One that fails is left out and logged: the rest of
     * the service page is still worth showing.
     */
    private List<ServicePanel> panels(Service service) {
        return panels.orderedStream().map(p -> {
            try {
                return p.panelFor(service);
            } catch (RuntimeException e) {
                log.warn("The service page of '{}' leaves out a section: {} failed", service.name(), p.getClass().getName(), e);
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    @GetMapping("/services/new")
    String newForm(@RequestParam(required = false) String owner, Model model) {
        Viewer.requireEditor();
        return form(ServiceForm.blank(owner), null, model);
    }

    @PostMapping("/services")
    String create(@Valid @ModelAttribute("form") ServiceForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        ServiceDraft draft = check(form, result);
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        try {
            Service created = services.create(draft);
            redirect.addFlashAttribute("notice", "Service '" + created.name() + "' was created.");
            return "redirect:/services/" + path(created.name());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            FormErrors.reject(result, "name", e.getMessage());
        }
        return form(form, null, model);
    }

    @GetMapping("/services/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        Service service = services.get(name);
        policy.requireChangeTeam(service.owner());
        return form(ServiceForm.of(service), name, model);
    }

    @PostMapping("/services/{name}/edit")
    String update(@PathVariable String name, @Valid @ModelAttribute("form") ServiceForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        ServiceDraft draft = check(form, result);
        if (result.hasErrors()) {
            return form(form, name, model);
        }
        try {
            services.update(name, draft, form.version() == null ? -1 : form.version(), false);
            redirect.addFlashAttribute("notice", "Service '" + name + "' was saved.");
            return "redirect:/services/" + path(name);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (StaleVersionException e) {
            return stale(name, form, e, model);
        }
        return form(form, name, model);
    }

    @PostMapping("/services/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        services.delete(name, version);
        redirect.addFlashAttribute("notice", "Service '" + name + "' was deleted.");
        return "redirect:/services";
    }

    private String stale(String name, ServiceForm form, StaleVersionException e, Model model) {
        ServiceForm again = new ServiceForm(form.name(), form.title(), form.description(), form.type(), form.owner(),
                form.system(), form.readinessLevel(), form.lifecycle(), form.tier(), form.repositoryUrl(),
                form.runbookUrl(), form.tags(), form.links(), form.dependsOn(), form.dependsOnResources(), e.current());
        model.addAttribute("current", services.get(name));
        return StaleForms.show(model, again, e, "service", form(again, name, model));
    }

    private ServiceDraft check(ServiceForm form, BindingResult result) {
        form.linkProblems().forEach(p -> result.rejectValue("links", "invalid", p));
        ServiceDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        return draft;
    }

    private String form(ServiceForm form, String editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("teams", choices.teamNamesForSelect());
        model.addAttribute("systems", choices.systemNames());
        model.addAttribute("levels", ReadinessLevel.values());
        model.addAttribute("lifecycles", LIFECYCLES);
        model.addAttribute("pageTitle", editing == null ? "New service" : "Edit service " + editing);
        return "catalog/services/form";
    }

    private static Map<String, String> orders() {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("name,asc", "Name");
        orders.put("owner,asc", "Owner");
        orders.put("level,asc", "Level, A first");
        orders.put("lifecycle,asc", "Lifecycle");
        orders.put("tier,asc", "Tier, 1 first");
        orders.put("updated,desc", "Recently updated");
        return Collections.unmodifiableMap(orders);
    }

    static String path(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
