package dev.tandem.checks;

/** YAML text to analyse, with the file name findings should point at. */
public record ManifestSource(String fileName, String yaml) {
}
