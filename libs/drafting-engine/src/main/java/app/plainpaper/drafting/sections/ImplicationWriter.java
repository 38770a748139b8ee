package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.DataFile;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Words;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Practical Implications: titled paragraphs that report what the authors draw from their results and what
 * this kind of study can and cannot show. They describe, never advise: no "you", no doses.
 * Titles come from {@code implication-themes.tsv}.
 */
public final class ImplicationWriter {

    public static final String DESIGN_TITLE = "What This Kind of Study Can Show";
    /** Advice to the reader, which a paragraph must never contain. */
    public static final Pattern ADVICE = Pattern.compile("\\byou(r|rs)?\\b|\\bshould (take|use|ask|try|start|stop)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPLICATION_CUE = Pattern.compile("\\b(may|might|could|can|should|important|"
            + "implications?|benchmark|inform|guide|help|allows?|suggests?|indicates?|potential|valuable|feasible|"
            + "considered|conclude|confirms?)\\b", Pattern.CASE_INSENSITIVE);

    private record Theme(String title, Pattern words) {
    }

    private final List<Theme> themes;
    private final Rewriter rewriter;

    public ImplicationWriter(Rewriter rewriter) {
        this.rewriter = rewriter;
        List<Theme> list = new ArrayList<>();
        for (String[] row : DataFile.rows("implication-themes.tsv", 2)) {
            list.add(new Theme(row[0], Pattern.compile("(?<![\\p{L}-])(" + String.join("|",
                    List.of(row[1].split("\\|")).stream().map(String::strip).map(Pattern::quote).toList())
                    + ")(?![\\p{L}-])", Pattern.CASE_INSENSITIVE)));
        }
        this.themes = List.copyOf(list);
    }

    public List<ImplicationText> write(PaperText paper, StudyDesign design) {
        List<ImplicationText> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        List<AbstractSentence> candidates = new ArrayList<>(paper.withRole(SentenceRole.CONCLUSIONS));
        if (candidates.isEmpty()) {
            List<AbstractSentence> all = paper.sentences();
            candidates.addAll(all.subList(Math.max(0, all.size() - 2), all.size()));
        }
        for (AbstractSentence s : candidates) {
            if (out.size() == 2) {
                break;
            }
            if (!IMPLICATION_CUE.matcher(s.text()).find() || hasDose(s.text()) || ADVICE.matcher(s.text()).find()
                    || Words.count(s.text()) < 6) {
                continue;
            }
            String title = themes.stream().filter(t -> t.words().matcher(s.text()).find()).map(Theme::title)
                    .findFirst().orElse("What the Authors Conclude");
            if (!titles.add(title)) {
                continue;
            }
            String clause = Rewriter.asClause(Rewriter.thirdPerson(rewriter.tidy(s.text()))
                    .replaceFirst("(?i)^(the researchers|the authors) (suggest|conclude|propose|believe|think) that ", ""));
            out.add(new ImplicationText(title, "The authors suggest that " + clause + "."));
        }
        if (out.isEmpty()) {
            // no sentence draws a lesson: report the authors' first conclusion as it stands
            candidates.stream().filter(s -> Words.count(rewriter.tidy(s.text())) >= 6)
                    .filter(s -> !hasDose(s.text()) && !ADVICE.matcher(s.text()).find()).findFirst()
                    .ifPresent(s -> out.add(new ImplicationText("What the Authors Conclude", "The authors conclude that "
                            + Rewriter.asClause(Rewriter.thirdPerson(rewriter.tidy(s.text()))) + ".")));
        }
        String kind = switch (design) {
            case SYSTEMATIC_REVIEW -> "Pooled results from many studies give a broad view, but they are only as good "
                    + "as the studies included.";
            case RANDOMISED_TRIAL -> "Because the groups were formed by chance, differences between them are more "
                    + "likely to come from the treatment itself.";
            case NON_RANDOMISED_TRIAL -> "The groups were not formed by chance, so other differences between them may "
                    + "explain part of the results.";
            case COHORT -> "Following people over time can show links between factors and outcomes, but it cannot "
                    + "prove that a factor causes an outcome.";
            case CASE_CONTROL -> "Comparing people with and without a condition can point to possible causes, but it "
                    + "cannot prove them.";
            case CROSS_SECTIONAL -> "A snapshot at a single point in time can show how common something is and what goes "
                    + "with it, but not what causes it.";
            case CASE_SERIES, CASE_REPORT -> "Reports of single patients can alert doctors to rare problems. They "
                    + "cannot show how often these happen or which treatment works best.";
            case QUALITATIVE -> "Talking with people shows their views and experiences. It does not measure how well "
                    + "a treatment works.";
            case ANIMAL_OR_LAB -> "Results in animals or in the lab show how the body may work. They need testing in "
                    + "people before they can change care.";
            case NARRATIVE_REVIEW -> "A summary of what is known can guide further research, but it does not test a "
                    + "treatment.";
            case UNKNOWN -> null;
        };
        if (kind != null) {
            out.add(new ImplicationText(DESIGN_TITLE, kind));
        }
        return out;
    }

    private static boolean hasDose(String text) {
        return Numbers.find(text).stream().anyMatch(n -> n.kind() == NumberMention.Kind.DOSE);
    }
}
