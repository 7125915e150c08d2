package dev.tandem.readiness.web;

import dev.tandem.readiness.Exemption;
import dev.tandem.readiness.Exemptions;
import dev.tandem.readiness.ItemUpdate;
import dev.tandem.readiness.Readiness;
import dev.tandem.readiness.Review;
import dev.tandem.readiness.ReviewEvent;
import dev.tandem.readiness.ReviewItem;
import dev.tandem.readiness.Reviews;
import dev.tandem.readiness.ServiceReadiness;
import dev.tandem.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/services/{name}")
@Tag(name = "Production readiness")
class ReadinessApi {

    private final Readiness readiness;
    private final Reviews reviews;
    private final Exemptions exemptions;

    ReadinessApi(Readiness readiness, Reviews reviews, Exemptions exemptions) {
        this.readiness = readiness;
        this.reviews = reviews;
        this.exemptions = exemptions;
    }

    record StartRequest(String checklist) {
    }

    record Decision(String comment, Integer version) {

        int expected() {
            if (version == null) {
                throw new InvalidInputException("version", "send the review's version you saw");
            }
            return version;
        }
    }

    record CommentRequest(String comment) {
    }

    record History(List<Review> reviews, List<ReviewEvent> events) {
    }

    record ExemptionRequest(String checkId, String reason, Instant expiresAt) {
    }

    @GetMapping("/readiness")
    @Operation(summary = "The service's readiness: level, checklist with item states, check results, blockers, scorecard levels")
    ServiceReadiness get(@PathVariable String name) {
        return readiness.of(name);
    }

    @PostMapping("/readiness/review")
    @Operation(summary = "Start a review (on the newest version of a checklist; 'default' when none is named)")
    ResponseEntity<Review> start(@PathVariable String name, @RequestBody(required = false) StartRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.start(name, request == null ? null : request.checklist()));
    }

    @PutMapping("/readiness/items/{itemId}")
    @Operation(summary = "Answer an item: open, met (evidence or links), not-applicable (justification) or failed")
    ReviewItem answer(@PathVariable String name, @PathVariable String itemId, @RequestBody ItemUpdate update) {
        return reviews.updateItem(name, itemId, update);
    }

    @PostMapping("/readiness/review/submit")
    @Operation(summary = "Submit the review to a reviewer (owners)")
    Review submit(@PathVariable String name, @RequestBody Decision d) {
        return reviews.submit(name, d.comment(), d.expected());
    }

    @PostMapping("/readiness/review/withdraw")
    @Operation(summary = "Take a submitted review back to draft (owners)")
    Review withdraw(@PathVariable String name, @RequestBody Decision d) {
        return reviews.withdraw(name, d.comment(), d.expected());
    }

    @PostMapping("/readiness/review/approve")
    @Operation(summary = "Approve the review (SREs and admins, not the submitter); refused while required items block")
    Review approve(@PathVariable String name, @RequestBody Decision d) {
        return reviews.approve(name, d.comment(), d.expected());
    }

    @PostMapping("/readiness/review/request-changes")
    @Operation(summary = "Send the review back with a comment (SREs and admins, not the submitter)")
    Review requestChanges(@PathVariable String name, @RequestBody Decision d) {
        return reviews.requestChanges(name, d.comment(), d.expected());
    }

    @PostMapping("/readiness/review/comments")
    @Operation(summary = "Comment on the current review")
    ResponseEntity<ReviewEvent> comment(@PathVariable String name, @RequestBody CommentRequest c) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.comment(name, c == null ? null : c.comment()));
    }

    @GetMapping("/readiness/history")
    @Operation(summary = "Every review of the service and the current one's history, newest first")
    History history(@PathVariable String name) {
        List<Review> all = reviews.all(name);
        if (all.isEmpty()) {
            readiness.of(name); // 404 for an unknown service, an empty history otherwise
            return new History(List.of(), List.of());
        }
        return new History(all, reviews.history(all.get(0).id()));
    }

    @GetMapping("/exemptions")
    @Operation(summary = "Exemptions from checks granted in Tandem")
    List<Exemption> exemptions(@PathVariable String name) {
        return exemptions.list(name);
    }

    @PostMapping("/exemptions")
    @Operation(summary = "Exempt the service from a check, with a reason and an end date (SREs and admins)")
    ResponseEntity<Exemption> grant(@PathVariable String name, @RequestBody ExemptionRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "send checkId, reason and expiresAt");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(exemptions.grant(name, r.checkId(), r.reason(), r.expiresAt()));
    }

    @DeleteMapping("/exemptions/{checkId}")
    @Operation(summary = "Revoke an exemption (SREs and admins)")
    ResponseEntity<Void> revoke(@PathVariable String name, @PathVariable String checkId) {
        exemptions.revoke(name, checkId);
        return ResponseEntity.noContent().build();
    }
}
