package dev.tandem.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidDocumentExceptionTest {

    @Test
    void theMessageCountsDocumentsFromOneWhileTheProblemsKeepTheirIndex() {
        DocumentProblem third = new DocumentProblem(2, 43, "SLO", "checkout-bad", "spec.colour", "unsupported field 'colour'");
        DocumentProblem first = new DocumentProblem(0, 5, null, null, "", "not valid YAML");
        InvalidDocumentException e = new InvalidDocumentException(List.of(third, first));

        assertThat(e.getMessage()).isEqualTo(
                "nothing was imported: document 3 (SLO checkout-bad), spec.colour: unsupported field 'colour' (and 1 more problem(s))");
        assertThat(e.problems()).extracting(DocumentProblem::index).containsExactly(2, 0);
        assertThat(new InvalidDocumentException(List.of(first)).getMessage())
                .isEqualTo("nothing was imported: document 1: not valid YAML");
    }

    @Test
    void aProblemOfTheWholeFileNamesNoDocument() {
        InvalidDocumentException e = new InvalidDocumentException(List.of(new DocumentProblem(-1, null, null, null, null, "the file is empty")));
        assertThat(e.getMessage()).isEqualTo("nothing was imported: the file: the file is empty");
    }
}
