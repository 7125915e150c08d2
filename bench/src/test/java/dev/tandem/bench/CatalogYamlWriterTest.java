package dev.tandem.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogYamlWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "plain-name", "Amber Otters", "1", "3.14", "0x1F", "1_000", "true", "No", "null", "~", "",
            "#team-x", "a: b", "url:https://git.example.com/a/b", "say \"hi\"", "back\\slash", "it's",
            "- looks like a list", "tab\there", "line\nbreak", "trailing ", " leading", "2024-01-01", "12:30",
            "[x]", "{x}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "a # b", "?", "é ü 漢字"
    })
    void scalarsRoundTripAsStrings(String value) {
        String doc = "key: " + CatalogYamlWriter.scalar(value) + "\n";
        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc);
        assertThat(parsed.get("key")).as(doc).isEqualTo(value);
    }
}
