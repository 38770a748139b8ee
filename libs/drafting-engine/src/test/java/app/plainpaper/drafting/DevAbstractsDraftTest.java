package app.plainpaper.drafting;

import app.plainpaper.drafting.glossary.Glossary;
import app.plainpaper.drafting.glossary.TermUse;
import app.plainpaper.drafting.sections.ImplicationWriter;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Readability;
import app.plainpaper.text.ReadabilityFigures;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;
import app.plainpaper.text.Words;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts all 40 dev abstracts (read from shared/ by path) and checks the rules every draft must keep.
 * Writes every draft to target/dev-drafts.txt for reading.
 */
class DevAbstractsDraftTest {

    private static final BuiltInDraftingEngine ENGINE = new BuiltInDraftingEngine();
    private static final Map<SourcePaper, DraftText> DRAFTS = new LinkedHashMap<>();

    @BeforeAll
    static void draftAll() throws IOException {
        var shared = DevData.sharedDir();
        if (shared.isEmpty()) {
            System.out.println("DevAbstractsDraftTest skipped: " + DevData.ABSENT);
            return;
        }
        StringBuilder out = new StringBuilder();
        for (SourcePaper paper : DevData.devAbstracts(shared.get())) {
            DraftText draft = ENGINE.draft(paper);
            DRAFTS.put(paper, draft);
            out.append(DraftPrinter.print(paper, draft)).append("\n\n");
        }
        Files.writeString(Path.of("target/dev-drafts.txt"), out, StandardCharsets.UTF_8);
    }

    private static void requireData() {
        Assumptions.assumeTrue(!DRAFTS.isEmpty(), DevData.ABSENT);
    }

    @Test
    void everyDevAbstractDraftsWithEverySection() {
        requireData();
        assertThat(DRAFTS).hasSize(40);
        DRAFTS.forEach((paper, d) -> {
            assertThat(d.simpleExplanation()).as(paper.id()).isNotBlank();
            assertThat(d.researchSummary()).as(paper.id()).isNotBlank();
            assertThat(d.evidence().scale()).isEqualTo("OCEBM 2011");
            assertThat(d.evidence().reason()).as(paper.id()).isNotBlank();
            assertThat(d.practicalImplications()).as(paper.id()).isNotEmpty();
            if (d.limitations().isEmpty()) {
                assertThat(d.editorFlags()).as(paper.id()).contains(BuiltInDraftingEngine.NO_LIMITATIONS);
            }
            assertThat(d.readability()).extracting(SectionReadability::section)
                    .contains("simpleExplanation", "keyFindings", "researchSummary");
            assertThat(d.engine()).isEqualTo("builtin-1");
            if (d.participants() == null) {
                assertThat(d.editorFlags()).as(paper.id()).contains("Participants not stated in the abstract");
            }
            if (d.studyDuration() == null) {
                assertThat(d.editorFlags()).as(paper.id()).contains("Study dates not stated in the abstract");
            }
            d.keyFindings().forEach(f -> {
                assertThat(f.sources()).as(paper.id()).isNotEmpty();
                f.sources().forEach(ref -> assertThat(sourceSentences(paper).get(ref.index())).isEqualTo(ref.text()));
            });
        });
        // the dev set has findings in all but the narrative reviews and shortest abstracts
        assertThat(DRAFTS.values().stream().filter(d -> !d.keyFindings().isEmpty()).count()).isGreaterThanOrEqualTo(38);
        assertThat(DRAFTS.values().stream().filter(d -> !d.categories().isEmpty()).count()).isGreaterThanOrEqualTo(38);
    }

    @Test
    void everyNumberInEveryDraftAppearsInItsSource() {
        requireData();
        List<String> invented = new ArrayList<>();
        DRAFTS.forEach((paper, d) -> {
            Set<Double> source = new HashSet<>();
            Numbers.find(sourceText(paper)).forEach(n -> source.add(n.value()));
            sections(d).forEach((section, text) -> {
                for (NumberMention n : Numbers.find(text == null ? "" : text)) {
                    if (!source.contains(n.value())) {
                        invented.add(paper.id() + " " + section + ": \"" + n.raw() + "\" in: " + text);
                    }
                }
            });
        });
        assertThat(invented).as("numbers not in the source").isEmpty();
    }

    @Test
    void simpleExplanationsMeetTheReadabilityTargets() {
        requireData();
        List<Double> grades = new ArrayList<>();
        StringBuilder report = new StringBuilder("\n=== Simple Explanation readability (dev set) ===\n");
        DRAFTS.forEach((paper, d) -> {
            ReadabilityFigures f = Readability.of(d.simpleExplanation());
            grades.add(f.fleschKincaidGrade());
            report.append(String.format(Locale.ROOT, "%-58s grade %5.1f  mean sentence %5.1f  words %4d%n",
                    paper.id(), f.fleschKincaidGrade(), f.meanSentenceLength(), f.words()));
        });
        List<Double> sorted = grades.stream().sorted().toList();
        double median = (sorted.get(19) + sorted.get(20)) / 2;
        report.append(String.format(Locale.ROOT, "median grade %.2f, max %.2f%n", median, sorted.get(39)));
        System.out.println(report);
        assertThat(median).as("median grade").isLessThanOrEqualTo(8.0);
        DRAFTS.forEach((paper, d) -> {
            ReadabilityFigures f = Readability.of(d.simpleExplanation());
            assertThat(f.fleschKincaidGrade()).as("grade of %s", paper.id()).isLessThanOrEqualTo(10.0);
            assertThat(f.meanSentenceLength()).as("mean sentence length of %s", paper.id()).isLessThanOrEqualTo(16.0);
        });
    }

    @Test
    void atMostAQuarterOfSimpleExplanationSentencesRepeatTheSource() {
        requireData();
        long[] totals = new long[2];
        DRAFTS.forEach((paper, d) -> {
            List<String> source = new ArrayList<>(sourceSentences(paper));
            source.add(paper.title());
            List<Sentence> sentences = Sentences.split(d.simpleExplanation());
            long copies = sentences.stream().filter(s -> source.stream()
                    .anyMatch(src -> share(s.text(), src) > 0.8)).count();
            totals[0] += sentences.size();
            totals[1] += copies;
            assertThat(copies).as("near copies in %s: %s", paper.id(), d.simpleExplanation())
                    .isLessThanOrEqualTo((long) Math.floor(sentences.size() * 0.25));
        });
        System.out.printf(Locale.ROOT, "Simple Explanation near copies: %d of %d sentences (%.1f%%)%n",
                totals[1], totals[0], 100.0 * totals[1] / totals[0]);
    }

    @Test
    void glossaryTermsAreExplainedTheFirstTimeTheyAreUsed() {
        requireData();
        Glossary glossary = ENGINE.glossary();
        DRAFTS.forEach((paper, d) -> {
            List<Sentence> sentences = Sentences.split(d.simpleExplanation());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < sentences.size(); i++) {
                String s = sentences.get(i).text();
                if (s.contains(" means ")) {
                    continue; // an explanation sentence
                }
                for (TermUse use : glossary.find(s)) {
                    if (seen.add(use.entry().term())) {
                        String explanation = use.entry().explanation();
                        String rest = String.join(" ", sentences.subList(i + 1, sentences.size()).stream()
                                .map(Sentence::text).toList());
                        assertThat(rest).as("%s explains \"%s\" after: %s", paper.id(), use.written(), s)
                                .contains(explanation);
                    }
                }
            }
        });
    }

    @Test
    void implicationsDescribeAndNeverAdvise() {
        requireData();
        DRAFTS.forEach((paper, d) -> d.practicalImplications().forEach(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(ImplicationWriter.ADVICE.matcher(p.text()).find()).as(p.text()).isFalse();
            assertThat(p.text().toLowerCase(Locale.ROOT)).doesNotContain("you should");
            assertThat(Numbers.find(p.text())).noneMatch(n -> n.kind() == NumberMention.Kind.DOSE);
        }));
    }

    static double share(String draft, String source) {
        List<String> words = Words.of(draft);
        Set<String> src = new HashSet<>(Words.of(source));
        return words.isEmpty() ? 0 : (double) words.stream().filter(src::contains).count() / words.size();
    }

    static List<String> sourceSentences(SourcePaper paper) {
        List<String> out = new ArrayList<>();
        paper.sections().forEach(s -> Sentences.split(s.text()).forEach(x -> out.add(
                x.text().replaceAll("[\\u00A0\\u2000-\\u200A\\u202F\\u205F]", " "))));
        return out;
    }

    static String sourceText(SourcePaper paper) {
        StringBuilder b = new StringBuilder(paper.title()).append('\n');
        paper.sections().forEach(s -> b.append(s.text()).append('\n'));
        paper.keywords().forEach(k -> b.append(k).append('\n'));
        paper.meshTerms().forEach(k -> b.append(k).append('\n'));
        paper.publicationTypes().forEach(k -> b.append(k).append('\n'));
        return b.toString().replaceAll("[\\u00A0\\u2000-\\u200A\\u202F\\u205F]", " ");
    }

    static Map<String, String> sections(DraftText d) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("simpleExplanation", d.simpleExplanation());
        s.put("studyDuration", d.studyDuration());
        s.put("participants", d.participants());
        s.put("evidence", d.evidence().reason()); // the level and the scale's name are labels, not facts
        s.put("researchSummary", d.researchSummary());
        for (int i = 0; i < d.keyFindings().size(); i++) {
            s.put("keyFindings[" + i + "]", d.keyFindings().get(i).text());
        }
        for (int i = 0; i < d.practicalImplications().size(); i++) {
            s.put("practicalImplications[" + i + "]", d.practicalImplications().get(i).title() + ". "
                    + d.practicalImplications().get(i).text());
        }
        for (int i = 0; i < d.limitations().size(); i++) {
            s.put("limitations[" + i + "]", d.limitations().get(i));
        }
        s.put("categories", String.join(", ", d.categories()));
        return s;
    }
}
