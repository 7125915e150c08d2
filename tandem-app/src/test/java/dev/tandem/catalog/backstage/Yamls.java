package dev.tandem.catalog.backstage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Shared helpers for the descriptor tests. */
final class Yamls {

    private Yamls() {
    }

    static List<Descriptor> read(String yaml) {
        return new DescriptorReader().read(yaml);
    }

    /** The problems of a file that is expected to be rejected. */
    static List<DescriptorProblem> problems(String yaml) {
        DescriptorException[] caught = new DescriptorException[1];
        assertThatThrownBy(() -> new DescriptorReader().read(yaml))
                .isInstanceOfSatisfying(DescriptorException.class, e -> caught[0] = e);
        return caught[0].problems();
    }

    static String component(String spec) {
        return document("Component", "checkout", spec);
    }

    static String document(String kind, String name, String spec) {
        return "apiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\nspec:\n" + spec.stripIndent().lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
