package app.plainpaper.drafting.plain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations an abstract defines ("ossification of the posterior longitudinal ligament (OPLL)"), so that a
 * plain draft can spell them out. The long form is the run of words before the brackets whose initials match.
 */
public final class Acronyms {

    private static final Pattern DEFINITION = Pattern.compile("\\(([A-Za-z][A-Za-z0-9-]{1,9})\\)");
    private static final Set<String> STOP = Set.of("of", "the", "and", "in", "on", "for", "to", "a", "an", "with", "at");

    private final Map<String, String> longForms;

    private Acronyms(Map<String, String> longForms) {
        this.longForms = Map.copyOf(longForms);
    }

    public static Acronyms none() {
        return new Acronyms(Map.of());
    }

    public static Acronyms definedIn(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            String abbreviation = m.group(1);
            String letters = abbreviation.replaceAll("s$", "").replaceAll("[^A-Za-z]", "");
            long capitals = letters.chars().filter(Character::isUpperCase).count();
            if (capitals < 2 || found.containsKey(abbreviation)) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 160), m.start())
                    .replaceAll("\\([^)]*\\)", " ").replaceAll("[^\\p{L}\\p{N}' -]", " | ");
            List<String> words = new ArrayList<>(Arrays.asList(before.strip().split("\\s+")));
            int cut = words.lastIndexOf("|");
            if (cut >= 0) {
                words = words.subList(cut + 1, words.size());
            }
            String longForm = longForm(words, letters.toUpperCase(Locale.ROOT));
            if (longForm != null) {
                found.put(abbreviation, longForm);
            }
        }
        return new Acronyms(found);
    }

    private static String longForm(List<String> words, String letters) {
        String best = null;
        for (int k = 1; k <= Math.min(words.size(), letters.length() + 3); k++) {
            List<String> span = words.subList(words.size() - k, words.size());
            if (span.get(0).isEmpty() || Character.toUpperCase(span.get(0).charAt(0)) != letters.charAt(0)
                    || STOP.contains(span.get(0).toLowerCase(Locale.ROOT))) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            for (String w : span) {
                if (!STOP.contains(w.toLowerCase(Locale.ROOT))) {
                    for (String part : w.split("-")) {
                        if (!part.isEmpty()) {
                            initials.append(Character.toUpperCase(part.charAt(0)));
                        }
                    }
                }
            }
            String joined = String.join(" ", span);
            if (initials.toString().equals(letters) || initials.toString().replace("-", "").startsWith(letters)
                    && initials.length() == letters.length()) {
                return joined;
            }
            int content = (int) span.stream().filter(w -> !STOP.contains(w.toLowerCase(Locale.ROOT))).count();
            if (best == null && Math.abs(content - letters.length()) <= 1 && content >= 2) {
                best = joined;
            }
        }
        return best;
    }

    public Map<String, String> longForms() {
        return longForms;
    }

    /** The text with each defined abbreviation spelled out (lower case unless the long form is a name). */
    public String spellOut(String text) {
        String out = text;
        for (Map.Entry<String, String> e : longForms.entrySet()) {
            String longForm = e.getValue();
            boolean name = Arrays.stream(longForm.split("\\s+"))
                    .filter(w -> !STOP.contains(w.toLowerCase(Locale.ROOT)))
                    .allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)));
            String replacement = name ? longForm : longForm.toLowerCase(Locale.ROOT);
            String abbreviation = e.getKey().replaceAll("s$", "");
            out = out.replaceAll("(?<![\\p{L}\\p{N}-])" + Pattern.quote(abbreviation) + "s?(?![\\p{L}\\p{N}]|-\\p{L})",
                    Matcher.quoteReplacement(replacement));
        }
        return out;
    }
}
