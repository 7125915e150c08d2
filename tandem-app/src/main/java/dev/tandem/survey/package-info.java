/**
 * Satisfaction surveys of an engagement's team: templates, rounds sent at milestones as personal links
 * (a token, no sign-in), one response per link, and the results per round, per engagement and
 * program-wide ({@link dev.tandem.survey.SurveyResults}).
 */
package dev.tandem.survey;
