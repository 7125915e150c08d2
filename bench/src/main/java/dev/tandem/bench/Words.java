package dev.tandem.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vocabulary for entity names, plus the Backstage name rules the generator must respect. */
final class Words {

    private Words() {}

    /** Backstage entity name: runs of [a-z0-9] separated by single dashes, at most 63 characters. */
    static final Pattern VALID_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_NAME_LENGTH = 63;

    static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && VALID_NAME.matcher(name).matches();
    }

    static final List<String> TEAM_ADJECTIVES = List.of(
            "amber", "arctic", "azure", "bold", "brave", "bright", "calm", "cobalt", "copper", "coral",
            "crimson", "daring", "dusty", "eager", "electric", "emerald", "fearless", "frosty", "gentle", "golden",
            "granite", "hidden", "indigo", "iron", "jade", "keen", "lunar", "magnetic", "mighty", "misty",
            "nimble", "noble", "obsidian", "polar", "quiet", "rapid", "rusty", "scarlet", "silver", "solar",
            "steady", "stormy", "swift", "tidal", "velvet", "vivid", "wild", "zesty");

    static final List<String> TEAM_NOUNS = List.of(
            "badgers", "bears", "beavers", "bison", "cheetahs", "condors", "cougars", "coyotes", "cranes", "dingos",
            "dolphins", "eagles", "falcons", "ferrets", "foxes", "gazelles", "geckos", "herons", "hornets", "ibexes",
            "jackals", "jaguars", "koalas", "lemurs", "lynxes", "magpies", "marmots", "meerkats", "moose", "narwhals",
            "ocelots", "orcas", "otters", "owls", "pandas", "pelicans", "penguins", "pumas", "ravens", "salmon",
            "seals", "sparrows", "squids", "swans", "tigers", "toucans", "walruses", "wolves", "wombats", "yaks");

    static final List<String> FIRST_NAMES = List.of(
            "aaliyah", "ada", "adrian", "aisha", "alex", "amara", "andrea", "anil", "ari", "beatriz",
            "ben", "bianca", "carlos", "chen", "chloe", "dario", "dev", "diego", "elena", "emeka",
            "emma", "erik", "fatima", "felix", "freya", "grace", "hana", "hugo", "ines", "ivan",
            "jamal", "jin", "joao", "julia", "kai", "kenji", "lara", "leila", "liam", "lucia",
            "mateo", "maya", "mei", "mohammed", "nadia", "nikhil", "noah", "olga", "omar", "priya",
            "quinn", "rafael", "riya", "sam", "sara", "sofia", "tariq", "tomas", "uma", "valentina",
            "wei", "yara", "yusuf", "zoe");

    static final List<String> LAST_NAMES = List.of(
            "abara", "alvarez", "andersen", "bauer", "becker", "bianchi", "castro", "chowdhury", "costa", "dubois",
            "eriksson", "fernandes", "fischer", "garcia", "gupta", "haddad", "hansen", "hernandez", "ibrahim", "ito",
            "jansen", "kaur", "kim", "kowalski", "kumar", "larsen", "lee", "lopez", "martin", "mendes",
            "meyer", "moreau", "muller", "nakamura", "nguyen", "novak", "okafor", "oliveira", "park", "patel",
            "petrov", "popescu", "quispe", "rahman", "reyes", "rossi", "santos", "schmidt", "silva", "singh",
            "smith", "suzuki", "tanaka", "torres", "wagner", "walsh", "wang", "weber", "wilson", "yilmaz",
            "young", "zhang", "ziegler", "zimmermann");

    /** Business domains: used for systems, services and resources. */
    static final List<String> DOMAINS = List.of(
            "accounts", "ads", "analytics", "audit", "auth", "billing", "booking", "cart", "catalog", "checkout",
            "claims", "compliance", "content", "coupons", "crm", "customers", "delivery", "devices", "documents", "email",
            "feeds", "finance", "fraud", "fulfilment", "geo", "identity", "inventory", "invoices", "kyc", "ledger",
            "loyalty", "maps", "media", "messaging", "metering", "notifications", "onboarding", "orders", "partners", "payments",
            "payouts", "pricing", "profiles", "promotions", "quotes", "ratings", "recommendations", "refunds", "reports", "returns",
            "reviews", "risk", "search", "settlements", "shipping", "sms", "subscriptions", "support", "tax", "wallet");

    static final List<String> QUALIFIERS = List.of(
            "account", "batch", "card", "event", "export", "history", "import", "item", "label", "limit",
            "merchant", "order", "partner", "plan", "policy", "price", "rule", "schedule", "session", "status",
            "stream", "token", "user", "vendor", "webhook");

    static final List<String> SYSTEM_SUFFIXES = List.of("platform", "core", "suite", "hub");

    static final List<String> EDGE_COMPONENTS = List.of(
            "gateway", "bff", "web", "frontend", "portal", "edge", "public-api", "mobile-api", "widget", "proxy",
            "console", "admin-ui");

    static final List<String> MID_COMPONENTS = List.of(
            "service", "api", "orchestrator", "worker", "aggregator", "processor", "scheduler", "manager", "router",
            "validator", "enricher", "dispatcher");

    static final List<String> CORE_COMPONENTS = List.of(
            "store", "ledger", "registry", "engine", "indexer", "cache", "repository", "vault", "resolver", "journal",
            "archive", "broker");

    static final List<String> TAGS = List.of(
            "java", "go", "python", "kotlin", "node", "grpc", "http", "kafka", "postgres", "redis", "pci", "pii");

    static String title(String dashed) {
        StringBuilder sb = new StringBuilder(dashed.length());
        boolean upper = true;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                sb.append(' ');
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
