package dev.tandem.catalog;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.backstage.Descriptor;
import dev.tandem.catalog.backstage.DescriptorException;
import dev.tandem.catalog.backstage.DescriptorReader;
import dev.tandem.catalog.internal.CatalogState;
import dev.tandem.catalog.internal.CatalogStateReader;
import dev.tandem.catalog.internal.CatalogStateWriter;
import dev.tandem.catalog.internal.DescriptorMapping;
import dev.tandem.shared.Actor;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports Backstage descriptors (a multi-document {@code catalog-info.yaml}) all-or-nothing: the file
 * is read and checked as a whole first, and one problem anywhere means nothing is written. Entities
 * are matched by kind and name, so importing the same file twice changes nothing the second time.
 *
 * <p>SREs and admins may import anything. A member may import the services, systems, resources and
 * APIs of their own teams, but not teams, people or domains.
 */
@Component
public class CatalogImport {

    private final CatalogStateReader reader;
    private final CatalogStateWriter writer;
    private final AccessPolicy policy;

    CatalogImport(CatalogStateReader reader, CatalogStateWriter writer, AccessPolicy policy) {
        this.reader = reader;
        this.writer = writer;
        this.policy = policy;
    }

    @Transactional
    public ImportSummary run(String yaml, boolean dryRun) {
        List<Descriptor> descriptors;
        try {
            descriptors = new DescriptorReader().read(yaml == null ? "" : yaml);
        } catch (DescriptorException e) {
            throw new InvalidDocumentException(e.problems().stream()
                    .map(p -> new DocumentProblem(p.index(), p.line(), p.kind(), p.name(), p.path(), p.message()))
                    .toList());
        }
        CatalogState stored = reader.load();
        DescriptorMapping.Result mapped = DescriptorMapping.map(descriptors, stored);
        if (!mapped.problems().isEmpty()) {
            throw new InvalidDocumentException(mapped.problems());
        }
        authorize(mapped.desired(), stored);
        List<ImportedEntity> outcomes = new ArrayList<>(writer.apply(stored, mapped.desired(), mapped.peopleInFile(), dryRun));
        outcomes.addAll(mapped.skipped());
        return ImportSummary.of(outcomes, dryRun);
    }

    private void authorize(CatalogState desired, CatalogState stored) {
        if (Actor.current().role().changesAnyTeam()) {
            return;
        }
        if (!desired.teams().isEmpty() || !desired.people().isEmpty() || !desired.domains().isEmpty()) {
            throw new AccessDeniedException("only SREs and admins may import groups, users and domains; "
                    + "members may import their own teams' components, systems, resources and APIs");
        }
        Set<String> owners = new LinkedHashSet<>();
        desired.services().forEach((name, s) -> {
            owners.add(s.owner());
            if (stored.services().containsKey(name)) {
                owners.add(stored.services().get(name).owner());
            }
        });
        desired.systems().forEach((name, s) -> {
            owners.add(s.owner());
            if (stored.systems().containsKey(name)) {
                owners.add(stored.systems().get(name).owner());
            }
        });
        desired.resources().forEach((name, r) -> {
            owners.add(r.owner());
            if (stored.resources().containsKey(name)) {
                owners.add(stored.resources().get(name).owner());
            }
        });
        desired.apis().forEach((name, a) -> {
            owners.add(a.owner());
            if (stored.apis().containsKey(name)) {
                owners.add(stored.apis().get(name).owner());
            }
        });
        policy.requireChangeTeams(owners);
    }
}
