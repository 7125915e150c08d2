package dev.tandem.slo;

/** What a push stored: the number of points (a minute pushed again replaces the earlier count). */
public record PushResult(String slo, int points) {
}
