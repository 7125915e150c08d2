package dev.tandem.survey.web;

import dev.tandem.survey.SendRequest;

/** The form that sends a round from an engagement's survey page. */
record SendForm(Long templateId, String milestone, String label) {

    static SendForm blank(Long templateId) {
        return new SendForm(templateId, "custom", "");
    }

    SendRequest request() {
        return new SendRequest(templateId, milestone, label);
    }
}
