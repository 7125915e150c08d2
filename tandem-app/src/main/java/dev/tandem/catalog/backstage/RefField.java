package dev.tandem.catalog.backstage;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields that hold entity references, with the kind a bare name implies and the kinds allowed.
 * Shared by the reader and the writer so that what one omits the other restores.
 */
enum RefField {
    OWNER("owner", "group", "user"),
    SYSTEM("system", "system"),
    DOMAIN("domain", "domain"),
    SUBCOMPONENT_OF("subcomponentOf", "component"),
    DEPENDS_ON("dependsOn", "component", "resource"),
    PROVIDES_APIS("providesApis", "api"),
    CONSUMES_APIS("consumesApis", "api"),
    MEMBER_OF("memberOf", "group"),
    PARENT("parent", "group"),
    CHILDREN("children", "group"),
    MEMBERS("members", "user");

    final String key;
    final String defaultKind;
    final List<String> allowedKinds;

    RefField(String key, String defaultKind, String... otherKinds) {
        this.key = key;
        this.defaultKind = defaultKind;
        List<String> allowed = new ArrayList<>(List.of(defaultKind));
        allowed.addAll(List.of(otherKinds));
        this.allowedKinds = List.copyOf(allowed);
    }

    String compact(EntityRef ref) {
        return ref.compact(defaultKind);
    }
}
