package dev.tandem.catalog.web;

import dev.tandem.catalog.CatalogSystem;
import dev.tandem.catalog.SystemDraft;

/** The system form. */
record SystemForm(String name, String title, String description, String owner, String domain, Integer version) {

    static SystemForm blank() {
        return new SystemForm("", "", "", "", "", null);
    }

    static SystemForm of(CatalogSystem s) {
        return new SystemForm(s.name(), s.title(), s.description(), s.owner(), s.domain(), s.version());
    }

    SystemDraft toDraft() {
        return new SystemDraft(trim(name), trim(title), trim(description), trim(owner), trim(domain), version);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
