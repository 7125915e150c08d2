package dev.tandem.checks.manifest.rules;

import java.math.BigDecimal;

/** Kubernetes resource quantities ({@code 512Mi}, {@code 1G}, {@code 0.5}, {@code 250m}, {@code 1e3}) as exact numbers. */
final class Quantity {

    private Quantity() {
    }

    /** The quantity's value in base units, or {@code null} when the text is not a quantity. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        String number = s.substring(0, end);
        String suffix = s.substring(end);
        BigDecimal multiplier;
        switch (suffix) {
            case "": multiplier = BigDecimal.ONE; break;
            case "m": multiplier = new BigDecimal("0.001"); break;
            case "k": multiplier = BigDecimal.TEN.pow(3); break;
            case "M": multiplier = BigDecimal.TEN.pow(6); break;
            case "G": multiplier = BigDecimal.TEN.pow(9); break;
            case "T": multiplier = BigDecimal.TEN.pow(12); break;
            case "P": multiplier = BigDecimal.TEN.pow(15); break;
            case "E": multiplier = BigDecimal.TEN.pow(18); break;
            case "Ki": multiplier = BigDecimal.valueOf(2).pow(10); break;
            case "Mi": multiplier = BigDecimal.valueOf(2).pow(20); break;
            case "Gi": multiplier = BigDecimal.valueOf(2).pow(30); break;
            case "Ti": multiplier = BigDecimal.valueOf(2).pow(40); break;
            case "Pi": multiplier = BigDecimal.valueOf(2).pow(50); break;
            case "Ei": multiplier = BigDecimal.valueOf(2).pow(60); break;
            default:
                return null; // a unit Kubernetes does not know (an exponent such as 1e3 ends in a digit)
        }
        try {
            return new BigDecimal(number).multiply(multiplier);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True when both texts are quantities of the same value ({@code 1Gi} and {@code 1024Mi}), or the same text. */
    static boolean same(String a, String b) {
        if (a.strip().equals(b.strip())) {
            return true;
        }
        BigDecimal x = parse(a);
        BigDecimal y = parse(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }
}
