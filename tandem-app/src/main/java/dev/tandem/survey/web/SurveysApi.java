package dev.tandem.survey.web;

import dev.tandem.survey.EngagementResults;
import dev.tandem.survey.ProgramResults;
import dev.tandem.survey.RoundResults;
import dev.tandem.survey.SendRequest;
import dev.tandem.survey.SentSurvey;
import dev.tandem.survey.Survey;
import dev.tandem.survey.SurveyLink;
import dev.tandem.survey.SurveyResults;
import dev.tandem.survey.SurveyTemplate;
import dev.tandem.survey.SurveyTemplates;
import dev.tandem.survey.Surveys;
import dev.tandem.survey.TemplateDraft;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

@RestController
@Tag(name = "Surveys")
class SurveysApi {

    private final SurveyTemplates templates;
    private final Surveys surveys;
    private final SurveyResults results;

    SurveysApi(SurveyTemplates templates, Surveys surveys, SurveyResults results) {
        this.templates = templates;
        this.surveys = surveys;
        this.results = results;
    }

    @GetMapping("/api/v1/survey-templates")
    @Operation(summary = "Survey templates, the shipped one first")
    List<SurveyTemplate> templates() {
        return templates.list();
    }

    @GetMapping("/api/v1/survey-templates/{id}")
    @Operation(summary = "One survey template (its version is also the ETag)")
    ResponseEntity<SurveyTemplate> template(@PathVariable long id) {
        SurveyTemplate t = templates.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(t.version())).body(t);
    }

    @PostMapping("/api/v1/survey-templates")
    @Operation(summary = "Create a survey template (admins)",
            description = "Questions: [{kind: rating|text, text}], at least one rating question; anonymous defaults to true.")
    ResponseEntity<SurveyTemplate> createTemplate(@RequestBody TemplateDraft draft) {
        SurveyTemplate t = templates.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/survey-templates/" + t.id())).eTag(Versions.etag(t.version())).body(t);
    }

    @PutMapping("/api/v1/survey-templates/{id}")
    @Operation(summary = "Edit a survey template (admins; If-Match or the body's version required)",
            description = "Surveys already sent keep the questions they were sent with.")
    ResponseEntity<SurveyTemplate> updateTemplate(@PathVariable long id, @RequestBody TemplateDraft draft,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        SurveyTemplate t = templates.update(id, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(t.version())).body(t);
    }

    @PostMapping("/api/v1/engagements/{id}/surveys")
    @Operation(summary = "Send a survey round to the engagement team's members (admins and the embedded SREs)",
            description = "Body: {templateId (absent: the shipped template), milestone: monthly|exit|custom, label}. "
                    + "The answer holds each member's personal link: it is shown only this once.")
    ResponseEntity<SentSurvey> send(@PathVariable long id, @RequestBody SendRequest request) {
        SentSurvey sent = withUrls(surveys.send(id, request));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/surveys/" + sent.survey().id())).body(sent);
    }

    @GetMapping("/api/v1/engagements/{id}/surveys")
    @Operation(summary = "The survey rounds of an engagement, newest first")
    List<Survey> rounds(@PathVariable long id) {
        return surveys.rounds(id);
    }

    @GetMapping("/api/v1/engagements/{id}/survey-results")
    @Operation(summary = "The survey results of an engagement: average, response rate, per question, per round")
    EngagementResults engagementResults(@PathVariable long id) {
        return results.forEngagement(id);
    }

    @GetMapping("/api/v1/surveys/{id}")
    @Operation(summary = "One survey round")
    Survey round(@PathVariable long id) {
        return surveys.get(id);
    }

    @GetMapping("/api/v1/surveys/{id}/results")
    @Operation(summary = "The results of one round: per question the mean, the count of each rating 1-5 and the texts")
    RoundResults roundResults(@PathVariable long id) {
        return results.forSurvey(id);
    }

    @PostMapping("/api/v1/surveys/{id}/links")
    @Operation(summary = "New links (the old ones stop working): for those who have not answered, or in an anonymous "
            + "survey for everyone invited, so who answered stays unknown",
            description = "For rounds sent automatically (monthly, exit) and lost links. Shown only this once.")
    SentSurvey renew(@PathVariable long id) {
        return withUrls(surveys.renewLinks(id));
    }

    @GetMapping("/api/v1/survey-results")
    @Operation(summary = "Program-wide survey results",
            description = "The average is the mean of all rating answers (each answer weighs the same); "
                    + "averageText shows it with two decimals. The trend is by calendar quarter (UTC).")
    ProgramResults program() {
        return results.program();
    }

    /** Links with the full address of this Tandem, as the request reached it. */
    static SentSurvey withUrls(SentSurvey sent) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return new SentSurvey(sent.survey(), sent.links().stream().map(l -> new SurveyLink(l.person(), l.displayName(),
                l.email(), l.token(), base + l.path(), l.expiresAt())).toList());
    }
}
