package dev.tandem.engagement.web;

import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Planner;
import dev.tandem.engagement.ProposalChoice;
import dev.tandem.engagement.Rotation;
import dev.tandem.engagement.Timeline;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The rotation: the timeline, who is where until when, who is free next, and the planner's proposals. */
@Controller
class RotationPages {

    private final Rotation rotation;
    private final Planner planner;
    private final EngagementAccess access;

    RotationPages(Rotation rotation, Planner planner, EngagementAccess access) {
        this.rotation = rotation;
        this.planner = planner;
        this.access = access;
    }

    @GetMapping("/rotation")
    String show(Model model) {
        Timeline timeline = rotation.timeline();
        model.addAttribute("timeline", timeline);
        model.addAttribute("chart", RotationChart.draw(timeline));
        model.addAttribute("utilisation", rotation.utilisation());
        model.addAttribute("plan", planner.plan());
        model.addAttribute("canApply", access.isManager());
        return "engagement/rotation";
    }

    @PostMapping("/rotation/apply")
    String apply(@RequestParam(required = false) Long engagement, @RequestParam(required = false) Integer version,
                 @RequestParam(required = false) String person, @RequestParam(required = false) String sharePercent,
                 @RequestParam(required = false) String plannedStart, @RequestParam(required = false) String plannedEnd,
                 RedirectAttributes redirect) {
        access.requireManager("apply assignment proposals");
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Integer share = RosterForm.number(problems, "sharePercent", sharePercent);
            var start = RosterForm.date(problems, "plannedStart", plannedStart);
            var end = RosterForm.date(problems, "plannedEnd", plannedEnd);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Engagement e = planner.apply(new ProposalChoice(engagement, version, person, share, start, end));
            redirect.addFlashAttribute("notice", "Engagement #" + e.id() + " (" + e.title() + ") is " + e.state().label()
                    + " with " + person + " from " + e.plannedStart() + " to " + e.plannedEnd() + ".");
        } catch (StaleVersionException | ConflictException e) {
            redirect.addFlashAttribute("error", "The proposal was not applied: " + e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "The proposal was not applied: " + e.problems().stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        return "redirect:/rotation";
    }
}
