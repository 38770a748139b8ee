package app.plainpaper.drafting.source;

import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A paper read for drafting: its cleaned title, and its abstract as numbered sentences with roles.
 * Sentences are numbered over the whole abstract so that key findings can cite them.
 */
public final class PaperText {

    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u2000-\\u200A\\u202F\\u205F]");
    private static final Pattern STRONG_RESULT_CUE = Pattern.compile(
            "\\b(we (found|show|observed|identified|demonstrate)|showing that|instead, we|we provide evidence)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_LABEL = Pattern.compile("^([A-Z][A-Za-z ]{2,30}):\\s+");
    private static final Pattern OBJECTIVE_CUE = Pattern.compile(
            "\\b(aim(ed|s)? (of|to|was|is)|purpose of|objective|object of this|we hypothesi[sz]ed|we sought|"
                    + "this study (investigates|examines|aims)|was devoted to|we aimed|study aimed|the aim)\\b"
                    + "|^(objective|aim|purpose)s?:|^to (determine|assess|investigate|evaluate|examine|compare|"
                    + "validate|report|present|document|clarify|describe)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCLUSION_CUE = Pattern.compile(
            "\\b(we conclude|in conclusion|in summary|taken together|overall,|"
                    + "(these|our|the) (findings|data|results|preliminary findings)( of (the|this) study)? "
                    + "(suggest|indicate|show|support|corroborate|highlight|confirm|are important|provide)|"
                    + "this (case|observation|study|experience|review) (highlights|shows|suggests|indicates|is)|"
                    + "our (study|analysis) (revealed|provides|suggests|confirms)|our primary meta-analysis confirms|"
                    + "as such|this indicates|these findings|may serve)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESULT_CUE = Pattern.compile(
            "\\b(we (found|show|observed|identified|demonstrate)|showing that|revealed|showed|"
                    + "(was|were) (associated|found|observed|identified|detected|confirmed|similar|superior|inferior|"
                    + "significantly)|significant(ly)?|improved|restored|reverses|recovered|no (difference|correlation)|"
                    + "odds ratio|p ?[<=>≤]|\\d+(\\.\\d+)? ?%|we provide evidence|instead, we)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_CUE = Pattern.compile(
            "\\b(we (conducted|analy[sz]ed|measured|recruited|collected|used|performed|report|describe|treated|"
                    + "validate|examined|review|searched|enrolled|studied|present)|"
                    + "(was|were) (collected|analy[sz]ed|recruited|enrolled|included|reviewed|used|created|performed|"
                    + "assessed|conducted|searched|tracked|extracted|employed|calculated|examined|obtained|drained|compared|"
                    + "randomi[sz]ed|followed)|"
                    + "data (from|on|were)|this (was a|paper describes)|(study|survey) (was )?(conducted|carried out)|in this (study|review|.{0,40}(trial|study)))\\b",
            Pattern.CASE_INSENSITIVE);

    private final String title;
    private final boolean titleTranslated;
    private final List<AbstractSentence> sentences;
    private final SourcePaper paper;

    public PaperText(SourcePaper paper, List<AbstractSentence> sentences) {
        this.paper = paper;
        String raw = paper.title().strip();
        this.titleTranslated = raw.startsWith("[");
        this.title = raw.replaceAll("^\\[+", "").replaceAll("]\\.?$", "").replaceAll("\\.$", "").strip();
        this.sentences = List.copyOf(sentences);
    }

    /** Splits every section into sentences (numbered across sections) and gives each a role. */
    public static PaperText read(SourcePaper paper) {
        List<AbstractSentence> out = new ArrayList<>();
        List<SourceSection> sections = paper.sections();
        boolean anyLabel = sections.stream().anyMatch(s -> s.label() != null && !s.label().isBlank());
        int index = 0;
        for (int s = 0; s < sections.size(); s++) {
            SourceSection section = sections.get(s);
            SentenceRole labelled = roleOfLabel(section.label());
            if (labelled == null && anyLabel && s == sections.size() - 1 && s > 0) {
                labelled = SentenceRole.CONCLUSIONS; // PubMedQA keeps the conclusion as a last, unlabelled block
            }
            List<Sentence> split = Sentences.split(section.text());
            SentenceRole previous = null;
            for (int i = 0; i < split.size(); i++) {
                String text = ODD_SPACE.matcher(split.get(i).text()).replaceAll(" ");
                SentenceRole role = labelled;
                if (role == null || role == SentenceRole.BACKGROUND && OBJECTIVE_CUE.matcher(text).find()) {
                    role = roleOfWording(text, previous, i, split.size());
                }
                out.add(new AbstractSentence(index++, text, section.label(), role));
                previous = role;
            }
        }
        return new PaperText(paper, out);
    }

    static SentenceRole roleOfLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.toUpperCase(Locale.ROOT);
        if (l.contains("CONCLUSION") || l.contains("DISCUSSION") || l.contains("INTERPRETATION")) {
            return SentenceRole.CONCLUSIONS;
        }
        if (l.contains("RESULT") || l.contains("FINDINGS")) {
            return l.contains("METHOD") ? SentenceRole.METHODS : SentenceRole.RESULTS;
        }
        if (l.equals("STUDY DESIGN") || l.equals("DESIGN")) {
            return SentenceRole.DESIGN;
        }
        if (l.contains("METHOD") || l.contains("MATERIAL") || l.contains("SETTING") || l.contains("PARTICIPANT")
                || l.contains("DESIGN") || l.contains("MEASURE") || l.contains("CASE") || l.contains("PATIENT")) {
            return SentenceRole.METHODS;
        }
        if (l.contains("OBJECTIVE") || l.contains("PURPOSE") || l.contains("AIM")) {
            return l.contains("BACKGROUND") || l.contains("INTRODUCTION") ? null : SentenceRole.OBJECTIVE;
        }
        return SentenceRole.BACKGROUND;
    }

    static SentenceRole roleOfWording(String text, SentenceRole previous, int position, int count) {
        if (OBJECTIVE_CUE.matcher(text).find()) {
            return SentenceRole.OBJECTIVE;
        }
        if (CONCLUSION_CUE.matcher(text).find() && position > 0) {
            return SentenceRole.CONCLUSIONS;
        }
        if (METHOD_CUE.matcher(text).find()) {
            return SentenceRole.METHODS;
        }
        boolean beforeStudy = previous == null || previous == SentenceRole.BACKGROUND;
        if (RESULT_CUE.matcher(text).find() && position > 0
                && (!beforeStudy || STRONG_RESULT_CUE.matcher(text).find())) {
            return SentenceRole.RESULTS;
        }
        if (previous == null || previous == SentenceRole.BACKGROUND) {
            return position == count - 1 && count > 3 ? SentenceRole.CONCLUSIONS : SentenceRole.BACKGROUND;
        }
        if (previous == SentenceRole.OBJECTIVE || previous == SentenceRole.DESIGN) {
            return SentenceRole.METHODS;
        }
        return previous;
    }

    public SourcePaper paper() {
        return paper;
    }

    /** The title without the brackets PubMed puts round translated titles, nor a final full stop. */
    public String title() {
        return title;
    }

    /** PubMed brackets a title translated from another language. */
    public boolean titleTranslated() {
        return titleTranslated;
    }

    public List<AbstractSentence> sentences() {
        return sentences;
    }

    public AbstractSentence sentence(int index) {
        return sentences.get(index);
    }

    public List<AbstractSentence> withRole(SentenceRole... roles) {
        List<SentenceRole> wanted = Arrays.asList(roles);
        return sentences.stream().filter(s -> wanted.contains(s.role())).toList();
    }

    /** Sentences ordered by the roles given (first role first), then in source order; other roles left out. */
    public List<AbstractSentence> byRolePriority(SentenceRole... roles) {
        List<SentenceRole> order = Arrays.asList(roles);
        return sentences.stream().filter(s -> order.contains(s.role()))
                .sorted(Comparator.comparingInt((AbstractSentence s) -> order.indexOf(s.role()))
                        .thenComparingInt(AbstractSentence::index))
                .toList();
    }

    /** Whether any section has a heading. */
    public boolean structured() {
        return paper.sections().stream().anyMatch(s -> s.label() != null && !s.label().isBlank());
    }

    /** The whole source as one text: title, abstract, keywords, MeSH terms and publication types. */
    public String sourceText() {
        StringBuilder b = new StringBuilder(paper.title()).append('\n');
        sentences.forEach(s -> b.append(s.text()).append('\n'));
        paper.keywords().forEach(k -> b.append(k).append('\n'));
        paper.meshTerms().forEach(k -> b.append(k).append('\n'));
        paper.publicationTypes().forEach(k -> b.append(k).append('\n'));
        return b.toString();
    }

    /** The abstract alone, sentences joined by spaces. */
    public String abstractText() {
        StringBuilder b = new StringBuilder();
        sentences.forEach(s -> b.append(b.isEmpty() ? "" : " ").append(s.text()));
        return b.toString();
    }

    /** A sentence without an inline heading such as "Objective: " or "AIM: ". */
    public static String withoutInlineLabel(String text) {
        return INLINE_LABEL.matcher(text).replaceFirst("");
    }
}
