package dev.tandem.catalog.web;

import dev.tandem.catalog.CatalogSystem;
import dev.tandem.catalog.Person;
import dev.tandem.catalog.People;
import dev.tandem.catalog.Systems;
import dev.tandem.catalog.Teams;
import dev.tandem.shared.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The names offered in pickers. Capped at the largest page the catalog serves: beyond that a select is
 * no longer usable anyway, and the fields stay free to type into where it matters (members, systems).
 */
@Component
class CatalogChoices {

    private final Teams teams;
    private final Systems systems;
    private final People people;

    CatalogChoices(Teams teams, Systems systems, People people) {
        this.teams = teams;
        this.systems = systems;
        this.people = people;
    }

    /** Up to this many teams a select is the easiest picker; above it, a text field is (and renders faster). */
    static final int SELECT_LIMIT = 100;

    /** The team names for a select, or null when there are too many and a text field serves better. */
    List<String> teamNamesForSelect() {
        if (teams.count() > SELECT_LIMIT) {
            return null; // a count is cheaper than reading the first hundred names on every list page
        }
        List<String> names = teams.names(SELECT_LIMIT + 1);
        return names.size() > SELECT_LIMIT ? null : names;
    }

    List<String> systemNames() {
        return systems.list(null, new PageRequest(0, PageRequest.MAX_SIZE, "name", false)).items().stream()
                .map(CatalogSystem::name).toList();
    }

    List<String> personNames() {
        return people.list(null, null, new PageRequest(0, PageRequest.MAX_SIZE, "name", false)).items().stream()
                .map(Person::name).toList();
    }
}
