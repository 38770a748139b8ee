package app.plainpaper.drafting.extraction;

import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the aim of a study: "The purpose of this study was to ...", "We hypothesized that ...", a title question. */
public final class AimExtractor {

    private static final List<Pattern> INFINITIVE = List.of(
            Pattern.compile("\\b(?:aim|purpose|objective|object|goal)s? of (?:this|the present|the|our) "
                    + "(?:preliminary )?(?:study|article|paper|review|work|research) (?:was|is) to\\s+(.+)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:this|the present|our) (?:preliminary )?(?:systematic )?(?:study|review|article|paper|"
                    + "work)(?: with [\\w -]+?)? (?:aimed|aims|sought|was designed|is designed) to\\s+(.+)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bwe (?:aimed|sought|set out|wanted) to\\s+(.+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:objectives?|aims?|purpose):?\\s*to\\s+(.+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^to\\s+((?:determine|assess|investigate|evaluate|examine|compare|validate|report|present|"
                    + "document|clarify|describe|identify|analy[sz]e|explore|track|test)\\b.+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bthis (?:study|paper|article) ((?:investigate|examine|explore|describe)s\\s+.+)",
                    Pattern.CASE_INSENSITIVE));
    private static final Pattern DEVOTED = Pattern.compile("\\bthis study was devoted to\\s+(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPOTHESIS = Pattern.compile("\\bwe hypothesi[sz]ed that\\s+(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRESENT = Pattern.compile(
            "\\b(?:here|in this (?:review|paper|study)),? we (describe|present|report|provide|review)\\s+(.+)",
            Pattern.CASE_INSENSITIVE);

    public Optional<Aim> extract(PaperText paper) {
        List<AbstractSentence> ordered = paper.byRolePriority(SentenceRole.OBJECTIVE, SentenceRole.BACKGROUND,
                SentenceRole.DESIGN, SentenceRole.METHODS);
        for (AbstractSentence s : ordered) {
            String text = PaperText.withoutInlineLabel(s.text());
            for (Pattern p : INFINITIVE) {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    // "this study investigates X" -> "investigate X", to follow "wanted to"
                    String clause = clause(m.group(m.groupCount())).replaceFirst(
                            "^(investigate|examine|explore|describe)s\\b", "$1");
                    return Optional.of(new Aim(Aim.Kind.INFINITIVE, clause, s.index()));
                }
            }
            Matcher devoted = DEVOTED.matcher(text);
            if (devoted.find()) {
                return Optional.of(new Aim(Aim.Kind.INFINITIVE, "study " + clause(devoted.group(1)), s.index()));
            }
        }
        for (AbstractSentence s : ordered) {
            Matcher h = HYPOTHESIS.matcher(s.text());
            if (h.find()) {
                return Optional.of(new Aim(Aim.Kind.HYPOTHESIS, clause(h.group(1)), s.index()));
            }
            Matcher p = PRESENT.matcher(s.text());
            if (p.find()) {
                return Optional.of(new Aim(Aim.Kind.INFINITIVE,
                        p.group(1).toLowerCase() + " " + clause(p.group(2)), s.index()));
            }
        }
        String title = paper.title();
        int question = title.indexOf('?');
        if (question > 0) {
            String q = title.substring(title.lastIndexOf(':', question) + 1, question + 1).strip();
            if (q.split("\\s+").length < 5) {
                q = title.substring(0, question + 1).strip(); // "...: a causative link?" needs its first half
            }
            return Optional.of(new Aim(Aim.Kind.QUESTION, q, -1));
        }
        return Optional.empty();
    }

    private static String clause(String s) {
        return s.strip().replaceAll("[.!?]+$", "");
    }
}
