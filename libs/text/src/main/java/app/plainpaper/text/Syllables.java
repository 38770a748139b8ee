package app.plainpaper.text;

import java.util.Locale;
import java.util.Map;

/** English syllable counting by vowel groups with the usual corrections; good enough for readability figures. */
public final class Syllables {

    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("the", 1), Map.entry("every", 2), Map.entry("people", 2), Map.entry("area", 3),
            Map.entry("idea", 3), Map.entry("being", 2), Map.entry("science", 2), Map.entry("business", 2),
            Map.entry("evening", 2), Map.entry("different", 3), Map.entry("several", 3), Map.entry("interest", 3),
            Map.entry("aged", 1), Map.entry("used", 1), Map.entry("caused", 1), Map.entry("more", 1),
            Map.entry("therapies", 3), Map.entry("studies", 2), Map.entry("trial", 2), Map.entry("trials", 2),
            Map.entry("create", 2), Map.entry("period", 3), Map.entry("via", 2), Map.entry("cohort", 2),
            Map.entry("patient", 2), Map.entry("patients", 2), Map.entry("quiet", 2), Map.entry("diet", 2),
            Map.entry("serious", 3), Map.entry("previous", 3), Map.entry("various", 3), Map.entry("injuries", 3),
            Map.entry("ulcer", 2), Map.entry("ulcers", 2), Map.entry("evidence", 3));

    private Syllables() {
    }

    public static int count(String word) {
        if (word == null || word.isBlank()) {
            return 0;
        }
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]", "");
        if (w.isEmpty()) {
            return 0;
        }
        if (w.contains("-")) {
            int sum = 0;
            for (String part : w.split("-+")) {
                sum += count(part);
            }
            return Math.max(1, sum);
        }
        if (w.chars().noneMatch(Character::isLetter)) {
            // a number: roughly one syllable per digit, capped (read as "twenty seventeen")
            long digits = w.chars().filter(Character::isDigit).count();
            return (int) Math.max(1, Math.min(4, digits));
        }
        Integer known = EXCEPTIONS.get(w);
        if (known != null) {
            return known;
        }
        if (w.length() <= 3) {
            return 1;
        }
        String s = w;
        // silent endings
        if (s.endsWith("es") && !s.endsWith("ses") && !s.endsWith("zes") && !s.endsWith("ces") && !s.endsWith("ges")
                && !s.endsWith("xes") && !s.endsWith("ches") && !s.endsWith("shes") && !s.endsWith("les")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ed") && !s.endsWith("ted") && !s.endsWith("ded")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("e") && !s.endsWith("le") && !s.endsWith("ee") && !s.endsWith("ie")) {
            s = s.substring(0, s.length() - 1);
        }
        int groups = 0;
        boolean prevVowel = false;
        for (int i = 0; i < s.length(); i++) {
            boolean v = isVowel(s.charAt(i), i, s);
            if (v && !prevVowel) {
                groups++;
            }
            prevVowel = v;
        }
        // split vowel pairs that are usually two syllables: "ia", "io" (but not "tio"/"sio"), "eo", "ua", "ium"
        for (String pair : new String[] {"ia", "eo", "ua", "uo", "iu", "ii"}) {
            int idx = s.indexOf(pair);
            while (idx >= 0) {
                if (!(pair.equals("ia") && idx > 0 && (s.charAt(idx - 1) == 'c' || s.charAt(idx - 1) == 't'))) {
                    groups++;
                }
                idx = s.indexOf(pair, idx + 2);
            }
        }
        int io = s.indexOf("io");
        while (io >= 0) {
            char before = io > 0 ? s.charAt(io - 1) : ' ';
            if (before != 't' && before != 's' && before != 'c' && before != 'x') {
                groups++;
            }
            io = s.indexOf("io", io + 2);
        }
        return Math.max(1, groups);
    }

    private static boolean isVowel(char c, int i, String s) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'ë', 'ï', 'ö', 'ü' -> true;
            case 'y' -> i > 0; // "yes" vs "study"
            default -> false;
        };
    }
}
