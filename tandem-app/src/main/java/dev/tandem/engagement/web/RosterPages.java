package dev.tandem.engagement.web;

import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.Roster;
import dev.tandem.engagement.RosterEntry;
import dev.tandem.engagement.Rotation;
import dev.tandem.engagement.Utilisation;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/** The roster (with the rotation settings form) and one SRE's entry with its form. Admins change them. */
@Controller
class RosterPages {

    private final Roster roster;
    private final Rotation rotation;
    private final EngagementAccess access;

    RosterPages(Roster roster, Rotation rotation, EngagementAccess access) {
        this.roster = roster;
        this.rotation = rotation;
        this.access = access;
    }

    @GetMapping("/roster")
    String list(Model model) {
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", SettingsForm.of(roster.settings()));
        }
        model.addAttribute("utilisation", rotation.utilisation());
        model.addAttribute("settings", roster.settings());
        model.addAttribute("canManage", access.isManager());
        return "engagement/roster";
    }

    @PostMapping("/rotation/settings")
    String saveSettings(@ModelAttribute("settingsForm") SettingsForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        access.requireManager("change the rotation settings");
        try {
            roster.updateSettings(form.toUpdate(), form.version() == null ? -1 : form.version(), false);
            redirect.addFlashAttribute("notice", "The rotation settings were saved.");
            return "redirect:/roster";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (StaleVersionException e) {
            SettingsForm again = new SettingsForm(form.maxStayDays(), form.defaultLengthDays(), e.current());
            BindingResult fresh = new BeanPropertyBindingResult(again, "settingsForm");
            fresh.reject("stale", stale("rotation settings", e));
            model.addAttribute("settingsForm", again);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "settingsForm", fresh);
        }
        return list(model);
    }

    @GetMapping("/roster/{person}")
    String show(@PathVariable String person, Model model) {
        RosterEntry entry = roster.get(person);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RosterForm.of(entry));
        }
        return page(entry, model);
    }

    @PostMapping("/roster/{person}")
    String save(@PathVariable String person, @ModelAttribute("form") RosterForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        access.requireManager("change the roster");
        RosterEntry entry = roster.get(person);
        try {
            roster.update(person, form.toUpdate(), form.version() == null ? -1 : form.version(), false);
            redirect.addFlashAttribute("notice", "The roster entry of " + entry.label() + " was saved.");
            return "redirect:/roster/" + UriUtils.encodePathSegment(entry.person(), StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (StaleVersionException e) {
            RosterForm again = form.withVersion(e.current());
            BindingResult fresh = new BeanPropertyBindingResult(again, "form");
            fresh.reject("stale", stale("roster entry", e));
            model.addAttribute("form", again);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", fresh);
        }
        return page(roster.get(person), model);
    }

    private String page(RosterEntry entry, Model model) {
        Utilisation.Sre load = rotation.utilisation().sres().stream().filter(s -> s.entry().person().equals(entry.person()))
                .findFirst().orElseThrow(() -> new NotFoundException("SRE", entry.person()));
        model.addAttribute("entry", entry);
        model.addAttribute("load", load);
        model.addAttribute("canManage", access.isManager());
        return "engagement/roster-entry";
    }

    static String stale(String kind, StaleVersionException e) {
        return "Someone else changed the " + kind + " while you edited it (you started from version " + e.expected()
                + "; it is now version " + e.current() + "). Your values are still in the form: check them and save "
                + "again to replace the other change.";
    }
}
