package dev.tandem.readiness;

/** A check as a service sees it: the definition, what its level asks, and the current result. */
public record CheckView(CheckInfo check, Requirement requirement, CheckResult result) {
}
