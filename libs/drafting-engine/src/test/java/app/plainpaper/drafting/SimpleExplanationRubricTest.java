package app.plainpaper.drafting;

import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.Words;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rubric of issue 5: for every dev abstract the Simple Explanation covers the study's aim, who took part, what
 * was done and the main result. Each check is defined from the source, not from the engine's own extractors:
 * <ul>
 *   <li><b>aim</b>: a sentence says what the study wanted to find out ("wanted to", "expected that", "asked",
 *       "set out to") and shares at least two content words with the source's aim: its objective sentences, else
 *       sentences that state an aim or hypothesis, else the title;</li>
 *   <li><b>who</b>: when the hand-labelled check set says the abstract states participants, a labelled count appears,
 *       followed by what was counted, and a labelled kind word ("rats") appears when the label has one;</li>
 *   <li><b>what</b>: at least two content words shared with the source's design and methods sentences, with the title
 *       added when those name fewer than three ("Case-report."): the intervention, exposure or method is named;</li>
 *   <li><b>result</b>: at least three content words shared with one results or conclusions sentence, or two and a
 *       word for the direction of the result (improved, lower, no difference...), counting only words of the result
 *       that are not in the title or the aim; an abstract with no results or conclusions sentence is judged on its
 *       last two sentences.</li>
 * </ul>
 * Content words: four letters or more, not a function word or a generic research word, compared on their first six
 * letters so "improved" meets "improvement".
 */
class SimpleExplanationRubricTest {

    static final Set<String> GENERIC = Set.of("this", "that", "these", "those", "with", "from", "were", "was", "have",
            "has", "had", "been", "their", "there", "they", "them", "than", "then", "which", "what", "when", "where",
            "while", "into", "onto", "over", "under", "about", "after", "before", "between", "among", "also", "both",
            "each", "such", "only", "more", "most", "some", "other", "many", "much", "very", "will", "would", "could",
            "should", "might", "must", "does", "done", "being", "because", "however", "thus", "therefore", "here",
            "study", "studies", "studied", "researchers", "research", "result", "results", "main", "group", "groups",
            "people", "patients", "patient", "abstract", "authors", "conclude", "concluded", "wanted", "found", "find",
            "showed", "show", "shows", "using", "used", "use", "paper", "whether", "total", "took", "part",
            "included", "including", "present", "current", "based", "data", "analysis", "performed", "compared",
            "significant", "significantly", "means", "aimed", "purpose", "objective", "objectives", "methods",
            "method", "background", "conclusions", "year", "years", "case", "cases", "report", "reported");
    static final Pattern AIM_STATEMENT = Pattern.compile(
            "\\b(?:wanted to|expected that|the study asked|asked whether|set out to|aimed to)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern AIM_SOURCE = Pattern.compile("\\b(?:aim|aims|aimed|purpose|objective|goal|hypothesi[sz]ed|"
            + "sought|we (?:describe|present|report|investigated|examined|evaluated|assessed)|to (?:determine|assess|"
            + "investigate|evaluate|examine|compare|identify|describe|explore))\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern DIRECTION = Pattern.compile("\\b(?:improv\\w*|better|worse|increas\\w*|decreas\\w*|reduc\\w*|"
            + "lower|higher|more|less|fewer|no difference|did not|not|recover\\w*|linked|raised|smaller|larger|"
            + "helped|effective|safe|worked|chang\\w*|unchanged|stable|differ\\w*|similar)\\b", Pattern.CASE_INSENSITIVE);

    static final Pattern NUMBER_WORD = Pattern.compile("(?i)one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|twenty|thirty|forty|fifty|hundred|thousand|single");

    static Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 4 && !GENERIC.contains(w)) {
                out.add(w.length() > 6 ? w.substring(0, 6) : w);
            }
        }
        return out;
    }

    static int shared(String a, String b) {
        Set<String> s = stems(a);
        s.retainAll(stems(b));
        return s.size();
    }

    static List<String> sentencesOf(String explanation) {
        return List.of(explanation.split("(?<=[.?!])\\s+(?=[A-Z])"));
    }

    /** The rubric's verdict on one draft: the elements it misses, with why. */
    static List<String> misses(SourcePaper paper, DraftText draft, CheckSetTest.Label label) {
        PaperText text = PaperText.read(paper);
        String explanation = draft.simpleExplanation();
        List<String> misses = new ArrayList<>();

        List<String> aimSources = text.withRole(SentenceRole.OBJECTIVE).stream().map(AbstractSentence::text).toList();
        if (aimSources.isEmpty()) {
            aimSources = text.sentences().stream().map(AbstractSentence::text).filter(s -> AIM_SOURCE.matcher(s).find())
                    .toList();
        }
        List<String> aimSource = new ArrayList<>(aimSources);
        aimSource.add(text.title());
        boolean aim = sentencesOf(explanation).stream().filter(s -> AIM_STATEMENT.matcher(s).find())
                .anyMatch(s -> aimSource.stream().anyMatch(src -> shared(s, src) >= 2));
        if (!aim) {
            misses.add("aim");
        }

        if (label.participants() != null) {
            boolean who = true;
            List<String> counts = new ArrayList<>();
            for (String token : label.participants().split(";")) {
                for (String alternative : token.split("\\|")) {
                    String t = alternative.strip();
                    if (t.matches("\\d[\\d,. ]*") || NUMBER_WORD.matcher(t).matches()) {
                        counts.add(t);
                    }
                }
                boolean kindToken = java.util.Arrays.stream(token.split("\\|")).map(String::strip)
                        .noneMatch(t -> t.matches(".*\\d.*") || NUMBER_WORD.matcher(t).matches());
                if (kindToken && java.util.Arrays.stream(token.split("\\|"))
                        .noneMatch(alt -> explanation.toLowerCase(Locale.ROOT).contains(alt.strip().toLowerCase(Locale.ROOT)))) {
                    who = false;
                }
            }
            if (!counts.isEmpty() && counts.stream().noneMatch(c -> {
                Matcher m = Pattern.compile("(?<![\\d.,])" + Pattern.quote(c) + "(?![\\d])\\s+(?:[\\w-]+\\s+){0,5}?\\p{L}{3,}",
                        Pattern.CASE_INSENSITIVE).matcher(explanation);
                return m.find();
            })) {
                who = false;
            }
            if (!who) {
                misses.add("who (" + label.participants() + ")");
            }
        }

        List<String> methods = text.withRole(SentenceRole.DESIGN, SentenceRole.METHODS).stream().map(AbstractSentence::text)
                .toList();
        String methodSource = String.join(" ", methods);
        if (stems(methodSource).size() < 3) {
            methodSource += " " + text.title(); // "Case-report." names no method: the title names the exposure
        }
        if (shared(explanation, methodSource) < 2) {
            misses.add("what");
        }

        List<String> resultSources = text.withRole(SentenceRole.RESULTS, SentenceRole.CONCLUSIONS).stream()
                .map(AbstractSentence::text).toList();
        if (resultSources.isEmpty()) {
            // No sentence reads as a result (a short narrative review): its last two sentences carry what it says.
            List<AbstractSentence> all = text.sentences();
            resultSources = all.subList(Math.max(0, all.size() - 2), all.size()).stream().map(AbstractSentence::text).toList();
        }
        // Only words of the result itself count, not those it shares with the title or the aim.
        Set<String> topic = stems(text.title() + " " + String.join(" ", aimSources));
        boolean direction = DIRECTION.matcher(explanation).find();
        boolean result = resultSources.stream().anyMatch(src -> {
            Set<String> own = stems(src);
            own.removeAll(topic);
            own.retainAll(stems(explanation));
            return own.size() >= 3 || own.size() >= 2 && direction;
        });
        if (!result) {
            misses.add("result");
        }
        return misses;
    }

    @Test
    void everyDevSimpleExplanationCoversAimWhoWhatAndResult() throws IOException {
        var shared = DevData.sharedDir();
        if (shared.isEmpty()) {
            System.out.println("SimpleExplanationRubricTest skipped: " + DevData.ABSENT);
        }
        Assumptions.assumeTrue(shared.isPresent(), DevData.ABSENT);
        Map<String, CheckSetTest.Label> labels = new LinkedHashMap<>();
        CheckSetTest.labels().forEach(l -> labels.put(l.id(), l));
        BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int[] passed = new int[4];
        List<SourcePaper> papers = DevData.devAbstracts(shared.get());
        for (SourcePaper paper : papers) {
            DraftText draft = engine.draft(paper);
            List<String> misses = misses(paper, draft, labels.get(paper.id()));
            List<String> names = misses.stream().map(m -> m.split(" ")[0]).toList();
            String[] elements = {"aim", "who", "what", "result"};
            for (int i = 0; i < 4; i++) {
                if (!names.contains(elements[i])) {
                    passed[i]++;
                }
            }
            if (!misses.isEmpty()) {
                failures.put(paper.id(), misses);
                System.out.println(paper.id() + " misses " + misses + ":\n    " + draft.simpleExplanation());
            }
        }
        System.out.printf(Locale.ROOT, "%nRubric on %d dev abstracts: aim %d, who %d, what %d, result %d; all four %d%n",
                papers.size(), passed[0], passed[1], passed[2], passed[3], papers.size() - failures.size());
        assertThat(papers).hasSize(40);
        assertThat(failures).as("Simple Explanations missing a rubric element").isEmpty();
    }

    @Test
    void theRubricFailsAnExplanationThatLeavesOutTheResult() {
        SourcePaper paper = DevData.resourcePaper("reference-study.json");
        DraftText draft = new BuiltInDraftingEngine().draft(paper);
        CheckSetTest.Label label = new CheckSetTest.Label(paper.id(), StudyDesign.NON_RANDOMISED_TRIAL, "30", null);
        assertThat(misses(paper, draft, label)).isEmpty();
        DraftText noResult = new DraftText("The researchers wanted to know how radiotherapy changes cytokine expression in "
                + "bone metastasis. In total, 30 cancer patients took part. Blood was collected before and after radiotherapy.",
                null, null, draft.evidence(), draft.keyFindings(), draft.researchSummary(), draft.practicalImplications(),
                draft.limitations(), draft.categories(), draft.readability(), draft.editorFlags(), draft.engine(), null);
        assertThat(misses(paper, noResult, label)).containsExactly("result");
        DraftText noWho = new DraftText(draft.simpleExplanation().replace("30", "some"), null, null, draft.evidence(),
                draft.keyFindings(), draft.researchSummary(), draft.practicalImplications(), draft.limitations(),
                draft.categories(), draft.readability(), draft.editorFlags(), draft.engine(), null);
        assertThat(misses(paper, noWho, label)).containsExactly("who (30)");
    }
}
