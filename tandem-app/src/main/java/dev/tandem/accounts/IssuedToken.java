package dev.tandem.accounts;

/** A freshly created token: {@code token} is the secret, shown this once and never again. */
public record IssuedToken(ApiToken details, String token) {
}
