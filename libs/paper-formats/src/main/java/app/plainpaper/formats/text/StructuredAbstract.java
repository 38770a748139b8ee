package app.plainpaper.formats.text;

import app.plainpaper.formats.ParsedPaper.AbstractSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-paragraph abstract whose structure survives only as inline headings ("PURPOSE: ... METHODS: ...",
 * Scopus "Background and purpose: ... Methods: ..."), split back into labelled sections.
 */
public final class StructuredAbstract {

    /** Headings known from PubMed's structured-abstract label list (upper-cased); any case matches these. */
    private static final Set<String> KNOWN = Set.of("BACKGROUND", "BACKGROUND AND PURPOSE", "BACKGROUND AND AIMS",
            "BACKGROUND AND OBJECTIVES", "BACKGROUND AND OBJECTIVE", "PURPOSE", "OBJECTIVE", "OBJECTIVES", "AIM", "AIMS",
            "AIMS AND OBJECTIVES", "INTRODUCTION", "CONTEXT", "IMPORTANCE", "METHODS", "METHOD", "MATERIALS AND METHODS",
            "METHODS AND MATERIALS", "METHODOLOGY", "DESIGN", "STUDY DESIGN", "SETTING", "SETTINGS", "PARTICIPANTS",
            "PATIENTS", "SUBJECTS", "INTERVENTION", "INTERVENTIONS", "MEASUREMENTS", "MAIN OUTCOME MEASURES",
            "MAIN OUTCOMES AND MEASURES", "OUTCOME MEASURES", "RESULTS", "FINDINGS", "CONCLUSION", "CONCLUSIONS",
            "CONCLUSIONS AND RELEVANCE", "INTERPRETATION", "DISCUSSION", "SIGNIFICANCE", "LIMITATIONS", "IMPLICATIONS",
            "CLINICAL RELEVANCE", "TRIAL REGISTRATION", "REGISTRATION", "FUNDING", "SUMMARY", "AVAILABILITY",
            "CONTACT", "SUPPLEMENTARY INFORMATION", "MOTIVATION", "LEVEL OF EVIDENCE", "STUDY SELECTION",
            "DATA SOURCES", "DATA EXTRACTION", "DATA SYNTHESIS", "EVIDENCE ACQUISITION", "EVIDENCE SYNTHESIS",
            "RATIONALE", "HYPOTHESIS", "EXPERIMENTAL DESIGN", "KEY FINDINGS", "WHAT IS KNOWN", "SETTING AND PARTICIPANTS");

    /** A heading at the start or after a sentence end: words then a colon (or a period, Embase). */
    private static final Pattern HEADING = Pattern.compile(
            "(?:^|(?<=[.?!)\\]]\\s{1,3}))([A-Z][A-Za-z]*(?:[ /,&-]{1,3}[A-Za-z]+){0,5})([:.])\\s");

    private StructuredAbstract() {
    }

    /** Labelled sections when the text has headings (at its start, or at least two), else one unlabelled section. */
    public static List<AbstractSection> sections(String text) {
        String clean = PlainText.clean(text);
        if (clean == null) return List.of();
        List<int[]> heads = new ArrayList<>();
        Matcher m = HEADING.matcher(clean);
        while (m.find()) {
            String label = m.group(1);
            boolean period = m.group(2).equals(".");
            // Embase writes "BACKGROUND. ... METHODS. ...": with a period only known headings in capitals count
            if (period ? label.equals(label.toUpperCase(Locale.ROOT)) && KNOWN.contains(label) : isHeading(label)) heads.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        boolean structured = !heads.isEmpty() && (heads.get(0)[0] == 0 || heads.size() >= 2);
        if (!structured) return List.of(new AbstractSection(null, clean));
        List<AbstractSection> out = new ArrayList<>();
        if (heads.get(0)[0] > 0) out.add(new AbstractSection(null, clean.substring(0, heads.get(0)[0]).strip()));
        for (int i = 0; i < heads.size(); i++) {
            int[] h = heads.get(i);
            int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : clean.length();
            String body = clean.substring(h[2], end).strip();
            if (!body.isEmpty()) out.add(new AbstractSection(clean.substring(h[0], h[1]), body));
        }
        return out;
    }

    /** An all-capitals heading of four or more letters, or a known heading in any case. */
    private static boolean isHeading(String label) {
        String upper = label.toUpperCase(Locale.ROOT);
        if (KNOWN.contains(upper)) return true;
        return label.equals(upper) && label.replaceAll("[^A-Z]", "").length() >= 4;
    }
}
