package dev.tandem.catalog.web;

import dev.tandem.shared.StaleVersionException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A form that lost a race with another edit comes back with the user's input and the current version,
 * so that saving again knowingly replaces the other change. The binding result is made afresh: the old
 * one still points at the form with the stale version, and the hidden field would carry it again.
 */
final class StaleForms {

    private StaleForms() {
    }

    static String show(Model model, Object form, StaleVersionException e, String kind, String view) {
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        result.reject("stale", "Someone else changed this " + kind + " while you edited it (you started from version "
                + e.expected() + "; it is now version " + e.current() + "). Your changes are still below: check the "
                + kind + "'s page, then save again to replace the other change, or cancel to keep it.");
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return view;
    }
}
