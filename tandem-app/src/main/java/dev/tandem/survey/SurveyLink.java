package dev.tandem.survey;

import java.time.Instant;

/**
 * A personal link, shown once to whoever sent the survey: Tandem keeps only a hash of the token.
 * {@code path} is relative to Tandem's address ({@code /s/{token}}).
 */
public record SurveyLink(String person, String displayName, String email, String token, String path, Instant expiresAt) {
}
