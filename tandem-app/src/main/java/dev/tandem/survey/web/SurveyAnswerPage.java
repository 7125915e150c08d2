package dev.tandem.survey.web;

import dev.tandem.shared.InvalidInputException;
import dev.tandem.survey.AnswerSheet;
import dev.tandem.survey.Question;
import dev.tandem.survey.SurveyForm;
import dev.tandem.survey.SurveyResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.tandem.web.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a personal survey link opens, for people without an account. An unknown link is the plain
 * "not found" page, which says nothing of whether such a link ever existed.
 */
@Controller
class SurveyAnswerPage {

    private final SurveyResponses responses;

    SurveyAnswerPage(SurveyResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return form(responses.open(token), token, Map.of(), Map.of(), model, response);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> params, Model model,
                  HttpServletResponse response) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("q") && k.length() > 1 && !v.isEmpty()) {
                answers.put(k.substring(1), v.get(0));
            }
        });
        SurveyForm survey = responses.open(token);
        try {
            responses.answer(token, new AnswerSheet(answers));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.put(p.field().replace("answers[", "").replace("]", ""), p.message()));
            response.setStatus(400);
            return form(survey, token, answers, errors, model, response);
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("survey", survey);
        return "survey/thanks";
    }

    private String form(SurveyForm survey, String token, Map<String, String> answers, Map<String, String> errors, Model model,
                        HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("survey", survey);
        model.addAttribute("token", token);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("scale", Question.SCALE);
        return "survey/answer";
    }

    @ExceptionHandler(SurveyResponses.UnknownLinkException.class)
    String unknown(Model model, HttpServletRequest request, HttpServletResponse response) {
        layout(model, request);
        response.setStatus(404);
        model.addAttribute("message", "This survey link is not valid. Check that you copied the whole link.");
        return "error/404";
    }

    @ExceptionHandler(SurveyResponses.ExpiredLinkException.class)
    String expired(SurveyResponses.ExpiredLinkException e, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        layout(model, request);
        response.setStatus(410);
        model.addAttribute("heading", "This survey link has expired");
        model.addAttribute("message", e.getMessage());
        return "survey/closed";
    }

    @ExceptionHandler(SurveyResponses.UsedLinkException.class)
    String used(SurveyResponses.UsedLinkException e, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        layout(model, request);
        response.setStatus(409);
        model.addAttribute("heading", "You have already answered this survey");
        model.addAttribute("message", e.getMessage() + ". Thank you for taking part.");
        return "survey/closed";
    }

    /** Exception handlers get no model attributes from the advice: the layout's own, for a signed-in visitor. */
    private static void layout(Model model, HttpServletRequest request) {
        model.addAttribute("viewer", Viewer.current());
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("section", dev.tandem.web.Navigation.section(request));
    }
}
