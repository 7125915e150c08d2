package dev.tandem.survey.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Engagements;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.survey.SentSurvey;
import dev.tandem.survey.SurveyResults;
import dev.tandem.survey.SurveyTemplate;
import dev.tandem.survey.SurveyTemplates;
import dev.tandem.survey.Surveys;
import dev.tandem.web.FormErrors;
import dev.tandem.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The program's survey page (results, trend, templates), the template editor (admins), and an
 * engagement's surveys (rounds, results, the send form). Links from a send are rendered straight from
 * the POST and never stored, so they are seen once.
 */
@Controller
class SurveyPages {

    private final SurveyTemplates templates;
    private final Surveys surveys;
    private final SurveyResults results;
    private final Engagements engagements;
    private final AccessPolicy policy;

    SurveyPages(SurveyTemplates templates, Surveys surveys, SurveyResults results, Engagements engagements,
                AccessPolicy policy) {
        this.templates = templates;
        this.surveys = surveys;
        this.results = results;
        this.engagements = engagements;
        this.policy = policy;
    }

    @GetMapping("/surveys")
    String program(Model model) {
        model.addAttribute("results", results.program());
        model.addAttribute("templates", templates.list());
        return "survey/program";
    }

    @GetMapping("/surveys/templates/new")
    String newTemplate(Model model) {
        policy.requireAdmin();
        return editor(null, TemplateForm.blank(), model);
    }

    @PostMapping("/surveys/templates")
    String create(@ModelAttribute("form") TemplateForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        policy.requireAdmin();
        try {
            SurveyTemplate t = templates.create(form.draft());
            redirect.addFlashAttribute("notice", "Template '" + t.name() + "' created.");
            return "redirect:/surveys";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return editor(null, form, model);
        }
    }

    @GetMapping("/surveys/templates/{id}")
    String template(@PathVariable long id, Model model) {
        policy.requireAdmin();
        SurveyTemplate t = templates.get(id);
        return editor(t, TemplateForm.of(t), model);
    }

    @PostMapping("/surveys/templates/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TemplateForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        policy.requireAdmin();
        SurveyTemplate t = templates.get(id);
        try {
            if (form.version() == null) {
                throw new InvalidInputException("version", "reload the page: the form lost the version it edits");
            }
            SurveyTemplate saved = templates.update(id, form.draft(), form.version(), false);
            redirect.addFlashAttribute("notice", "Template '" + saved.name() + "' saved as version " + saved.version()
                    + ". Surveys already sent keep their questions.");
            return "redirect:/surveys";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (StaleVersionException e) {
            result.reject("stale", e.getMessage());
        }
        return editor(t, form, model);
    }

    private String editor(SurveyTemplate t, TemplateForm form, Model model) {
        model.addAttribute("template", t);
        model.addAttribute("form", form);
        return "survey/template";
    }

    @GetMapping("/engagements/{id}/surveys")
    String engagement(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        return engagementPage(e, SendForm.blank(templates.shipped().map(SurveyTemplate::id).orElse(null)), model);
    }

    @PostMapping("/engagements/{id}/surveys")
    String send(@PathVariable long id, @ModelAttribute("form") SendForm form, BindingResult result, Model model,
                HttpServletResponse response) {
        Viewer.requireEditor();
        Engagement e = engagements.get(id);
        try {
            return sent(e, surveys.send(id, form.request()), model, response);
        } catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            return engagementPage(e, form, model);
        }
    }

    @PostMapping("/engagements/{id}/surveys/{survey}/links")
    String renew(@PathVariable long id, @PathVariable long survey, Model model, HttpServletResponse response) {
        Viewer.requireEditor();
        Engagement e = engagements.get(id);
        if (surveys.get(survey).engagementId() != id) {
            throw new dev.tandem.shared.NotFoundException("survey", String.valueOf(survey));
        }
        return sent(e, surveys.renewLinks(survey), model, response);
    }

    private String sent(Engagement e, SentSurvey sent, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("engagement", e);
        model.addAttribute("sent", SurveysApi.withUrls(sent));
        model.addAttribute("emailed", surveys.emailsLinks());
        return "survey/sent";
    }

    private String engagementPage(Engagement e, SendForm form, Model model) {
        model.addAttribute("engagement", e);
        model.addAttribute("results", results.forEngagement(e.id()));
        model.addAttribute("canSend", surveys.canSend(e));
        model.addAttribute("templates", templates.list());
        model.addAttribute("form", form);
        return "survey/engagement";
    }
}
