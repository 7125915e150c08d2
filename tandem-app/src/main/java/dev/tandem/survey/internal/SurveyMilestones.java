package dev.tandem.survey.internal;

import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.EngagementStateChanged;
import dev.tandem.shared.Actor;
import dev.tandem.survey.Milestone;
import dev.tandem.survey.SurveyTemplates;
import dev.tandem.survey.Surveys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;

/**
 * The surveys no one has to remember: the shipped template is installed at start-up, the exit survey
 * goes out when an engagement starts its exit, and the monthly one to each running engagement whose
 * last round is a month old. Automatic rounds are sent as Tandem; the embedded SRE hands out their
 * links from the engagement's survey page ("new links").
 */
@Component
class SurveyMilestones {

    private static final Logger log = LoggerFactory.getLogger(SurveyMilestones.class);

    private final Surveys surveys;
    private final SurveyTemplates templates;
    private final boolean monthly;
    private final TransactionTemplate separate;

    SurveyMilestones(Surveys surveys, SurveyTemplates templates, PlatformTransactionManager transactions,
                     @Value("${tandem.surveys.monthly.enabled:true}") boolean monthly) {
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.surveys = surveys;
        this.templates = templates;
        this.monthly = monthly;
    }

    @EventListener(ApplicationReadyEvent.class)
    void installTemplate() {
        Actor.runAs(Actor.system(), () -> {
            templates.installShipped();
            return null;
        });
    }

    /** After the move is committed, in a transaction of its own: a failing survey never undoes the move. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStateChanged(EngagementStateChanged event) {
        if (event.to() != EngagementState.EXITING) {
            return;
        }
        try {
            separate.execute(status -> surveys.sendAutomatic(event.engagementId(), Milestone.EXIT, event.at()));
        } catch (RuntimeException e) {
            log.warn("the exit survey of engagement #{} was not sent: {}", event.engagementId(), e.toString());
        }
    }

    @Scheduled(initialDelayString = "${tandem.surveys.monthly.check-delay:PT5M}",
            fixedDelayString = "${tandem.surveys.monthly.check-interval:PT6H}")
    void monthly() {
        if (monthly) {
            int sent = surveys.sendDueMonthly(Instant.now()).size();
            if (sent > 0) {
                log.info("sent {} monthly surveys", sent);
            }
        }
    }
}
