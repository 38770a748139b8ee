package app.plainpaper.text;

import app.plainpaper.text.NumberMention.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers written in a text, in digits or words, with their unit and kind, so that
 * "thirty patients" can be matched with "30 patients" and "50 per cent" with "50%".
 *
 * <p>A range ("6 to 12 weeks", "6-12 weeks") gives two mentions that share the unit. Ordinals
 * ("first", "3rd") and "half" are not numbers; fractions with a written numerator ("two thirds")
 * are percentages. Numbers inside names (IL-6, T10, COVID-19, 5-HT), URLs, DOIs and e-mail
 * addresses are skipped.
 */
public final class Numbers {

    private static final String NO_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])([-\\u2212]?)(\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d{1,3}(?:[\\u00A0\\u202F\\u2009 ]\\d{3})+(?![\\d]|[.,]\\d)|\\d+)?(\\.\\d+)?");

    private static final Pattern MASKS = Pattern.compile(
            "(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\b(?:doi:\\s*)?10\\.\\d{4,9}/\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(?:" + MONTHS + ")\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?,?)?\\s+((?:18|19|20)\\d{2})\\b"
                    + "|\\b((?:18|19|20)\\d{2})-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?\\b");

    private static final Pattern SCALE = Pattern.compile("^\\s+(thousand|million|billion)" + NO_WORD_AFTER, Pattern.CASE_INSENSITIVE);

    private static final Pattern PERCENT = Pattern.compile(
            "^(?:\\s?%|\\s*(?:per\\s?cent|percent|percentage\\s+points?)" + NO_WORD_AFTER + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOSE = Pattern.compile(
            "^\\s*-?\\s*(mg|g|mcg|\\u00B5g|\\u03BCg|ug|ng|ml|mL|IU|iu|mmol|\\u00B5mol|\\u03BCmol|nmol|units?)"
                    + "((?:\\s*/\\s*(?:kg|day|d|dose|m2|m\\u00B2|h|hr|hour|week|wk|l|L|dl|dL|ml|mL|min))*)" + NO_WORD_AFTER);
    private static final Pattern DURATION = Pattern.compile(
            "^\\s*-?\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|y)" + NO_WORD_AFTER);
    private static final Pattern MEASURE = Pattern.compile(
            "^\\s*-?\\s*(kg|cm|mm|km|m|mmHg|Hz|kHz|bpm|\\u00B0C|points?|metres?|meters?|kilograms?|fold)((?:\\s*/\\s*(?:h|min|s|kg|m|m2|day))*)" + NO_WORD_AFTER);
    private static final Pattern PER_N = Pattern.compile(
            "^\\s*(?:per|in|out\\s+of|of\\s+every)\\s+(10|100|1,000|1000|1\\s000|10,000|10000|100,000|100000)" + NO_WORD_AFTER);

    private static final Set<String> COUNT_NOUNS = Set.of(
            "patient", "participant", "people", "person", "persons", "individual", "adult", "child", "children", "man",
            "men", "woman", "women", "boy", "girl", "subject", "volunteer", "case", "control", "respondent", "user",
            "veteran", "athlete", "infant", "baby", "babies", "study", "studies", "trial", "rct", "rcts", "review",
            "article", "paper", "record", "report", "rat", "mouse", "mice", "animal", "dog", "pig", "cat", "monkey",
            "primate", "sheep", "rabbit", "zebrafish", "centre", "center", "site", "hospital", "clinic", "country",
            "countries", "session", "group", "arm", "event", "death", "infection", "fall", "ulcer", "procedure",
            "surgery", "surgeries", "operation", "questionnaire", "interview", "item", "outcome", "measure",
            "injection", "dose", "injury", "injuries", "survivor", "caregiver", "carer", "nurse", "doctor",
            "physician", "therapist", "intervention", "treatment", "drug", "medication", "database", "databases", "cohort", "sample", "visit", "admission");

    private static final Set<String> MODIFIER_STOPS = Set.of(
            "of", "in", "with", "and", "or", "to", "for", "from", "the", "a", "an", "per", "at", "by", "were", "was",
            "had", "have", "has", "who", "that", "which", "than", "on", "over", "under", "after", "before", "more",
            "less", "vs", "versus", "is", "are", "be", "been", "not", "no", "all", "each", "every", "this", "these",
            "those", "into", "during", "since", "until", "compared", "between", "among", "within", "about", "as");

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L);
    private static final Map<String, Integer> FRACTIONS = Map.ofEntries(
            Map.entry("third", 3), Map.entry("thirds", 3), Map.entry("quarter", 4), Map.entry("quarters", 4),
            Map.entry("fourth", 4), Map.entry("fourths", 4), Map.entry("fifth", 5), Map.entry("fifths", 5),
            Map.entry("sixth", 6), Map.entry("sixths", 6), Map.entry("eighth", 8), Map.entry("eighths", 8),
            Map.entry("tenth", 10), Map.entry("tenths", 10));

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Numbers() {
    }

    /** All number mentions, in text order. */
    public static List<NumberMention> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean[] masked = new boolean[text.length() + 1];
        Matcher mm = MASKS.matcher(text);
        while (mm.find()) {
            mark(masked, mm.start(), mm.end());
        }
        List<Atom> atoms = new ArrayList<>();
        Matcher dm = DATE.matcher(text);
        while (dm.find()) {
            if (masked[dm.start()]) {
                continue;
            }
            String year = dm.group(3) != null ? dm.group(3) : dm.group(4);
            Atom a = new Atom(dm.start(), dm.end(), Double.parseDouble(year), false);
            a.kind = Kind.DATE;
            a.fixed = true;
            atoms.add(a);
            mark(masked, dm.start(), dm.end());
        }
        digitAtoms(text, masked, atoms);
        wordAtoms(text, masked, atoms);
        atoms.sort(Comparator.comparingInt(a -> a.start));

        for (Atom a : atoms) {
            if (!a.fixed) {
                classifyAfter(text, a);
                classifyBefore(text, a);
            }
        }
        linkNeighbours(text, atoms);

        List<NumberMention> out = new ArrayList<>();
        for (Atom a : atoms) {
            if (a.dropped) {
                continue;
            }
            if (a.kind == null) {
                if (a.written && a.value == 1 && a.unit == null) {
                    continue; // "one of", "no one"
                }
                a.kind = !a.written && a.integer && a.value >= 1800 && a.value <= 2100 && !a.grouped ? Kind.YEAR : Kind.OTHER;
            }
            out.add(new NumberMention(text.substring(a.start, a.end), a.value, a.unit, a.kind, a.start, a.end));
        }
        return List.copyOf(out);
    }

    private static void digitAtoms(String text, boolean[] masked, List<Atom> atoms) {
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            if (m.group(2) == null && m.group(3) == null) {
                continue;
            }
            int start = m.start();
            int end = m.end();
            if (masked[start] || masked[Math.max(start, end - 1)]) {
                continue;
            }
            String sign = m.group(1);
            if (!sign.isEmpty() && start > 0 && !isSignContext(text.charAt(start - 1))) {
                start++; // "6-12": a range dash, not a minus
                sign = "";
            }
            int numStart = start + sign.length();
            // part of a name: IL-6, COVID-19, MCP-2
            if (numStart >= 2 && (text.charAt(numStart - 1) == '-' || text.charAt(numStart - 1) == '\u2010')
                    && Character.isLetter(text.charAt(numStart - 2))) {
                continue;
            }
            String intPart = m.group(2) == null ? "" : m.group(2);
            String frac = m.group(3) == null ? "" : m.group(3);
            String digits = intPart.replaceAll("[,\\u00A0\\u202F\\u2009 ]", "");
            double value = Double.parseDouble((digits.isEmpty() ? "0" : digits) + frac);
            if (!sign.isEmpty()) {
                value = -value;
            }
            Atom a = new Atom(start, end, value, false);
            a.integer = frac.isEmpty();
            a.grouped = !digits.equals(intPart);
            // glued to letters: ordinals (3rd), names (5-HT, 3D) unless a unit follows
            if (end < text.length() && Character.isLetter(text.charAt(end)) && !startsUnit(text, end)) {
                continue;
            }
            if (end + 1 < text.length() && text.charAt(end) == '-' && Character.isUpperCase(text.charAt(end + 1))) {
                continue;
            }
            atoms.add(a);
        }
    }

    private static boolean isSignContext(char before) {
        return Character.isWhitespace(before) || before == '(' || before == '[' || before == ':' || before == '='
                || before == ',' || before == ';';
    }

    private static boolean startsUnit(String text, int at) {
        String rest = text.substring(at, Math.min(text.length(), at + 24));
        return DOSE.matcher(rest).find() || DURATION.matcher(rest).find() || MEASURE.matcher(rest).find();
    }

    /** Written-out numbers: "thirty", "twenty-five", "one hundred and twelve", "a dozen", "two thirds". */
    private static void wordAtoms(String text, boolean[] masked, List<Atom> atoms) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int i = 0;
        while (i < spans.size()) {
            int[] sp = spans.get(i);
            String w = lower(text, sp);
            boolean article = w.equals("a") && i + 1 < spans.size()
                    && (SCALES.containsKey(lower(text, spans.get(i + 1))) || lower(text, spans.get(i + 1)).equals("dozen"))
                    && adjacent(text, sp, spans.get(i + 1));
            if (masked[sp[0]] || !(article || isNumberWord(w))) {
                i++;
                continue;
            }
            if (article && lower(text, spans.get(i + 1)).equals("dozen")) {
                Atom a = new Atom(sp[0], spans.get(i + 1)[1], 12, true);
                atoms.add(a);
                i += 2;
                continue;
            }
            // parse a maximal phrase
            long total = 0;
            long current = article ? 1 : 0;
            String last = article ? "unit" : "none";
            int j = article ? i + 1 : i;
            int end = sp[1];
            while (j < spans.size()) {
                int[] s = spans.get(j);
                if (j > i && !adjacent(text, spans.get(j - 1), s)) {
                    break;
                }
                String x = lower(text, s);
                if (SMALL.containsKey(x) && (last.equals("none") || last.equals("scale") || last.equals("and")
                        || (last.equals("tens") && SMALL.get(x) >= 1 && SMALL.get(x) <= 9))) {
                    current += SMALL.get(x);
                    last = SMALL.get(x) >= 10 ? "teen" : "unit";
                } else if (TENS.containsKey(x) && (last.equals("none") || last.equals("scale") || last.equals("and"))) {
                    current += TENS.get(x);
                    last = "tens";
                } else if (SCALES.containsKey(x) && !last.equals("none") && !last.equals("and")) {
                    long scale = SCALES.get(x);
                    if (scale == 100) {
                        current = (current == 0 ? 1 : current) * 100;
                    } else {
                        total += (current == 0 ? 1 : current) * scale;
                        current = 0;
                    }
                    last = "scale";
                } else if (x.equals("and") && last.equals("scale") && j + 1 < spans.size()
                        && (SMALL.containsKey(lower(text, spans.get(j + 1))) || TENS.containsKey(lower(text, spans.get(j + 1))))) {
                    last = "and";
                    j++;
                    continue;
                } else {
                    break;
                }
                end = s[1];
                j++;
            }
            if (j == i) {
                i++;
                continue;
            }
            long value = total + current;
            Atom a = new Atom(sp[0], end, value, true);
            // "two thirds", "one-quarter"
            if (j < spans.size() && adjacent(text, spans.get(j - 1), spans.get(j))
                    && FRACTIONS.containsKey(lower(text, spans.get(j))) && value > 0 && value < 20) {
                int den = FRACTIONS.get(lower(text, spans.get(j)));
                a.value = Math.round(1000.0 * value / den) / 10.0;
                a.end = spans.get(j)[1];
                a.kind = Kind.PERCENT;
                a.unit = "%";
                a.fixed = true;
                atoms.add(a);
                i = j + 1;
                continue;
            }
            // "three-dimensional", "one-way": a word glued by a hyphen that is not a unit
            if (end < text.length() - 1 && text.charAt(end) == '-' && Character.isLetter(text.charAt(end + 1))
                    && !startsUnit(text, end)) {
                i = j;
                continue;
            }
            atoms.add(a);
            i = j;
        }
    }

    private static boolean isNumberWord(String w) {
        return SMALL.containsKey(w) || TENS.containsKey(w);
    }

    private static boolean adjacent(String text, int[] a, int[] b) {
        String between = text.substring(a[1], b[0]);
        return between.equals("-") || between.equals("\u2010") || (!between.isEmpty() && between.isBlank() && between.length() <= 2);
    }

    private static String lower(String text, int[] span) {
        return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    /** Unit, scale and counted noun after the number. */
    private static void classifyAfter(String text, Atom a) {
        String rest = text.substring(a.end, Math.min(text.length(), a.end + 80));
        Matcher sc = SCALE.matcher(rest);
        if (sc.find() && !a.written) {
            a.value *= SCALES.get(sc.group(1).toLowerCase(Locale.ROOT));
            a.end += sc.end();
            a.integer = a.value == Math.rint(a.value);
            a.grouped = true;
            rest = text.substring(a.end, Math.min(text.length(), a.end + 80));
        }
        Matcher m;
        if ((m = PERCENT.matcher(rest)).find()) {
            a.unit = "%";
            a.kind = Kind.PERCENT;
            a.end += m.end();
            String after = text.substring(a.end, Math.min(text.length(), a.end + 30));
            if (after.matches("(?s)^\\s*(?:\\(\\s*)?(?:CI|CrI|confidence|credible)\\b.*")) {
                a.kind = Kind.CI;
            }
            return;
        }
        if ((m = PER_N.matcher(rest)).find()) {
            String den = m.group(1).replaceAll("[,\\s]", "");
            a.unit = "per " + den;
            a.kind = Kind.RATIO;
            a.end += m.end();
            a.consumesUntil = a.end;
            return;
        }
        if ((m = DOSE.matcher(rest)).find()) {
            a.unit = doseUnit(m.group(1)) + m.group(2).replaceAll("\\s", "").toLowerCase(Locale.ROOT).replace("/d", "/day")
                    .replace("/dayay", "/day");
            a.kind = Kind.DOSE;
            a.end += m.end();
            return;
        }
        if ((m = DURATION.matcher(rest)).find()) {
            String u = m.group(1);
            // single letters only in lower case and after a digit ("3 h", "5 d")
            if (!(u.length() == 1 && a.written)) {
                a.unit = durationUnit(u);
                a.kind = Kind.DURATION;
                a.end += m.end();
                return;
            }
        }
        if ((m = MEASURE.matcher(rest)).find()) {
            String u = m.group(1).toLowerCase(Locale.ROOT);
            if (u.equals("fold")) {
                a.unit = "fold";
                a.kind = Kind.RATIO;
            } else {
                a.unit = measureUnit(u) + (m.group(2) == null ? "" : m.group(2).replaceAll("\\s", ""));
                a.kind = Kind.OTHER;
            }
            a.end += m.end();
            return;
        }
        String noun = countedNoun(rest);
        if (noun != null) {
            a.unit = noun;
            a.kind = Kind.COUNT;
        }
    }

    /** Markers before the number: P values, ratios, confidence intervals, "n =". */
    private static void classifyBefore(String text, Atom a) {
        if (a.kind == Kind.PERCENT || a.kind == Kind.CI || a.kind == Kind.RATIO && a.unit != null) {
            if (a.kind == Kind.PERCENT && ciBound(text, a.start)) {
                a.kind = Kind.CI;
            }
            return;
        }
        String before = text.substring(Math.max(0, a.start - 48), a.start);
        Matcher p = P_MARK.matcher(before);
        if (p.find()) {
            a.kind = Kind.P_VALUE;
            a.start = a.start - before.length() + p.start(1);
            a.unit = null;
            return;
        }
        if (ciBound(text, a.start)) {
            a.kind = Kind.CI;
            a.ciStart = true;
            return;
        }
        if (RATIO_MARK.matcher(before).find()) {
            a.kind = Kind.RATIO;
            return;
        }
        if (N_MARK.matcher(before).find()) {
            a.kind = Kind.COUNT;
        }
    }

    private static final Pattern P_MARK = Pattern.compile(
            "(?:^|[^\\p{L}])([Pp](?:\\s*-?\\s*values?)?)\\s*(?:[<>=\\u2264\\u2265]=?|&lt;|&gt;|of|was|were|is)\\s*$");
    private static final Pattern CI_MARK = Pattern.compile(
            "(?:\\bCI|\\bCrI|(?i:confidence\\s+intervals?|credible\\s+intervals?))\\s*(?:\\(\\s*CI\\s*\\))?\\s*(?:[:=,]|of|was|from)?\\s*[(\\[]?\\s*$");
    private static final Pattern RATIO_MARK = Pattern.compile(
            "(?:\\b(?:RR|OR|HR|IRR|aOR|aHR|RRR|ARR|NNT|NNTB|NNTH)|(?i:risk\\s+ratio|odds\\s+ratio|hazard\\s+ratio|relative\\s+risk|rate\\s+ratio|number\\s+needed\\s+to\\s+(?:treat|harm)))"
                    + "\\s*(?:\\(\\s*[A-Za-z]+\\s*\\))?\\s*\\)?\\s*(?:[:=,]|of|was|were)?\\s*$");
    private static final Pattern N_MARK = Pattern.compile("(?:^|[^\\p{L}])[nN]\\s*=\\s*$");

    private static boolean ciBound(String text, int start) {
        String before = text.substring(Math.max(0, start - 48), start);
        return CI_MARK.matcher(before).find();
    }

    /** Ranges, lists, CI pairs and "106/108": share units and kinds between neighbours. */
    private static void linkNeighbours(String text, List<Atom> atoms) {
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            if (a.consumesUntil > 0) {
                for (int k = i + 1; k < atoms.size() && atoms.get(k).start < a.consumesUntil; k++) {
                    atoms.get(k).dropped = true;
                }
            }
        }
        for (int i = 0; i + 1 < atoms.size(); i++) {
            Atom a = atoms.get(i);
            Atom b = atoms.get(i + 1);
            if (a.dropped || b.dropped || b.start < a.end) {
                continue;
            }
            String between = text.substring(a.end, b.start);
            if (a.kind == Kind.CI && a.ciStart && RANGE.matcher(between).matches()) {
                b.kind = Kind.CI;
                b.unit = a.unit;
                continue;
            }
            if (between.strip().equals("/") && a.kind == null && b.kind == null) {
                a.kind = Kind.COUNT;
                b.kind = Kind.COUNT;
            }
        }
        // backwards so that "6, 12 and 24 months" passes the unit along the list
        for (int i = atoms.size() - 2; i >= 0; i--) {
            Atom a = atoms.get(i);
            Atom b = atoms.get(i + 1);
            if (a.dropped || b.dropped || a.fixed || b.start < a.end || a.unit != null) {
                continue;
            }
            if (a.kind != null && a.kind != Kind.COUNT) {
                continue;
            }
            if (!a.written && a.integer && !a.grouped && a.value >= 1800 && a.value <= 2100) {
                continue; // a year, not the start of a list
            }
            if (b.unit == null || b.kind == Kind.CI || b.kind == Kind.P_VALUE || b.kind == Kind.RATIO && b.unit.startsWith("per")) {
                continue;
            }
            String between = text.substring(a.end, b.start);
            if (RANGE.matcher(between).matches() || LIST.matcher(between).matches()) {
                a.unit = b.unit;
                a.kind = b.kind;
            }
        }
    }

    private static final Pattern RANGE = Pattern.compile("\\s*(?:-|\\u2013|\\u2014|\\u2212|to|and|through|,)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST = Pattern.compile("\\s*(?:,|,?\\s*and|,?\\s*or)\\s*", Pattern.CASE_INSENSITIVE);

    /** The counted noun after a number, allowing up to three modifiers ("six randomised, double-blind studies"). */
    private static String countedNoun(String rest) {
        Matcher m = Pattern.compile("^[\\s,]*([A-Za-z][A-Za-z-]*)").matcher(rest);
        int offset = 0;
        for (int hop = 0; hop < 4; hop++) {
            if (!m.region(offset, rest.length()).lookingAt()) {
                return null;
            }
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (w.contains("-")) {
                String tail = w.substring(w.lastIndexOf('-') + 1);
                if (COUNT_NOUNS.contains(tail) && hop == 0) {
                    return null; // "one-study" style compounds are adjectives
                }
            }
            if (COUNT_NOUNS.contains(w) || COUNT_NOUNS.contains(singular(w))) {
                return plural(w);
            }
            if (MODIFIER_STOPS.contains(w) || isNumberWord(w) || SCALES.containsKey(w)) {
                return null;
            }
            // a comma is fine only between modifiers
            offset = m.end();
        }
        return null;
    }

    private static String singular(String w) {
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String plural(String w) {
        return switch (w) {
            case "person", "persons", "people" -> "people";
            case "man" -> "men";
            case "woman" -> "women";
            case "child" -> "children";
            case "mouse" -> "mice";
            case "sheep", "zebrafish", "mice", "men", "women", "children" -> w;
            case "baby" -> "babies";
            case "rct" -> "rcts";
            default -> w.endsWith("s") ? w : w.endsWith("y") && !w.endsWith("ey") ? w.substring(0, w.length() - 1) + "ies" : w + "s";
        };
    }

    private static String doseUnit(String u) {
        return switch (u) {
            case "\u00B5g", "\u03BCg", "ug", "mcg" -> "mcg";
            case "ml", "mL" -> "ml";
            case "IU", "iu" -> "IU";
            case "\u00B5mol", "\u03BCmol" -> "umol";
            case "unit", "units" -> "units";
            default -> u;
        };
    }

    private static String durationUnit(String u) {
        String s = u.toLowerCase(Locale.ROOT);
        if (s.startsWith("sec") || s.equals("s")) {
            return "seconds";
        }
        if (s.startsWith("min")) {
            return "minutes";
        }
        if (s.startsWith("h")) {
            return "hours";
        }
        if (s.startsWith("d")) {
            return "days";
        }
        if (s.startsWith("w")) {
            return "weeks";
        }
        if (s.startsWith("mo")) {
            return "months";
        }
        return "years";
    }

    private static String measureUnit(String u) {
        return switch (u) {
            case "point", "points" -> "points";
            case "metre", "metres", "meter", "meters" -> "m";
            case "kilogram", "kilograms" -> "kg";
            case "mmhg" -> "mmHg";
            case "hz" -> "Hz";
            case "khz" -> "kHz";
            case "\u00B0c" -> "\u00B0C";
            default -> u;
        };
    }

    private static void mark(boolean[] masked, int from, int to) {
        for (int i = from; i < to && i < masked.length; i++) {
            masked[i] = true;
        }
    }

    private static final class Atom {
        int start;
        int end;
        double value;
        final boolean written;
        boolean integer = true;
        boolean grouped;
        boolean fixed;
        boolean dropped;
        boolean ciStart;
        int consumesUntil;
        String unit;
        Kind kind;

        Atom(int start, int end, double value, boolean written) {
            this.start = start;
            this.end = end;
            this.value = value;
            this.written = written;
        }
    }
}
