package dev.tandem.checks.report;

/** Escaping for XML 1.0 text and attribute values, dropping the characters XML 1.0 cannot carry at all. */
final class Xml {

    private Xml() {
    }

    static String text(String s) {
        return escape(s, false);
    }

    static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append(attribute ? "&quot;" : "\""); break;
                case '\'': out.append(attribute ? "&apos;" : "'"); break;
                case '\n': out.append(attribute ? "&#10;" : "\n"); break;
                case '\r': out.append("&#13;"); break;
                case '\t': out.append(attribute ? "&#9;" : "\t"); break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
                        out.append(c);
                    } else {
                        out.append('\uFFFD'); // not allowed in XML 1.0, even escaped
                    }
            }
        }
        return out.toString();
    }
}
