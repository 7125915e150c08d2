package dev.tandem.engagement.web;

import dev.tandem.engagement.RotationSettings;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** The rotation settings form. */
record SettingsForm(String maxStayDays, String defaultLengthDays, Integer version) {

    static SettingsForm of(RotationSettings s) {
        return new SettingsForm(String.valueOf(s.maxStayDays()), String.valueOf(s.defaultLengthDays()), s.version());
    }

    RotationSettings.Update toUpdate() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer stay = RosterForm.number(problems, "maxStayDays", maxStayDays);
        Integer length = RosterForm.number(problems, "defaultLengthDays", defaultLengthDays);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RotationSettings.Update(stay, length, version);
    }
}
