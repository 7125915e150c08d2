package dev.tandem.survey.web;

import dev.tandem.survey.AnswerSheet;
import dev.tandem.survey.SurveyForm;
import dev.tandem.survey.SurveyResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** Answering through a personal link, no sign-in: the token in the path is the credential. */
@RestController
@Tag(name = "Survey responses (no sign-in)")
class SurveyResponsesApi {

    private final SurveyResponses responses;

    SurveyResponsesApi(SurveyResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/api/v1/survey-responses/{token}")
    @Operation(summary = "The survey behind a personal link: the questions to answer",
            description = "404 for an unknown link, 410 for an expired one, 409 for one already used.")
    SurveyForm open(@PathVariable String token) {
        return responses.open(token);
    }

    @PostMapping("/api/v1/survey-responses/{token}")
    @Operation(summary = "Answer the survey: {answers: {\"1\": \"5\", \"6\": \"free text\"}} by question position",
            description = "Every rating question needs a rating 1-5; texts are optional, at most 2000 characters. "
                    + "One response per link: a second one is 409.")
    ResponseEntity<Map<String, String>> answer(@PathVariable String token, @RequestBody AnswerSheet sheet) {
        responses.answer(token, sheet);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "thank you: your answers are saved"));
    }

    @ExceptionHandler(SurveyResponses.UnknownLinkException.class)
    ProblemDetail unknown(SurveyResponses.UnknownLinkException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(SurveyResponses.ExpiredLinkException.class)
    ProblemDetail expired(SurveyResponses.ExpiredLinkException e, HttpServletRequest request) {
        return problem(HttpStatus.GONE, "Link expired", e.getMessage(), request);
    }

    @ExceptionHandler(SurveyResponses.UsedLinkException.class)
    ProblemDetail used(SurveyResponses.UsedLinkException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Already answered", e.getMessage(), request);
    }

    /** The request path is left out: it holds the token. */
    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create("/api/v1/survey-responses"));
        return p;
    }
}
