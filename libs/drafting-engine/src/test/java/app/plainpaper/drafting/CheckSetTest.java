package app.plainpaper.drafting;

import app.plainpaper.drafting.evidence.StudyDesignClassifier;
import app.plainpaper.drafting.extraction.DurationExtractor;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.extraction.ParticipantsExtractor;
import app.plainpaper.drafting.source.PaperText;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judges the extractors and the design classifier against the hand-labelled check set
 * (src/test/resources/.../dev-check-set.tsv) on the team's 40 dev abstracts, read from shared/ by path.
 * Prints precision, recall and the design confusion matrix; fails only below floors that guard regressions.
 */
class CheckSetTest {

    record Label(String id, StudyDesign design, String participants, String duration) {
    }

    /** Counts for one extracted field. */
    static final class Score {
        int truePositive;
        int falsePositive;
        int falseNegative;
        int trueNegative;
        final List<String> misses = new ArrayList<>();

        void judge(String id, String gold, String extracted) {
            if (gold == null && extracted == null) {
                trueNegative++;
            } else if (gold == null) {
                falsePositive++;
                misses.add(id + ": extracted \"" + extracted + "\" where the abstract does not say");
            } else if (extracted == null) {
                falseNegative++;
                misses.add(id + ": missed (" + gold + ")");
            } else if (matches(gold, extracted)) {
                truePositive++;
            } else {
                falsePositive++;
                falseNegative++;
                misses.add(id + ": wrong \"" + extracted + "\" (wanted " + gold + ")");
            }
        }

        double precision() {
            return truePositive + falsePositive == 0 ? 1 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive + falseNegative == 0 ? 1 : (double) truePositive / (truePositive + falseNegative);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-13s precision %.2f  recall %.2f  (tp %d, fp %d, fn %d, tn %d)",
                    name, precision(), recall(), truePositive, falsePositive, falseNegative, trueNegative);
        }
    }

    static boolean matches(String gold, String extracted) {
        String text = extracted.toLowerCase(Locale.ROOT);
        for (String token : gold.split(";")) {
            boolean any = false;
            for (String alternative : token.split("\\|")) {
                any |= text.contains(alternative.strip().toLowerCase(Locale.ROOT));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    static List<Label> labels() throws IOException {
        List<Label> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CheckSetTest.class.getResourceAsStream("dev-check-set.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                labels.add(new Label(f[0], StudyDesign.valueOf(f[1]), "-".equals(f[2]) ? null : f[2],
                        "-".equals(f[3]) ? null : f[3]));
            }
        }
        return labels;
    }

    @Test
    void extractorsAndClassifierAgainstTheLabelledCheckSet() throws IOException {
        Optional<Path> shared = DevData.sharedDir();
        if (shared.isEmpty()) {
            System.out.println("CheckSetTest skipped: " + DevData.ABSENT);
        }
        Assumptions.assumeTrue(shared.isPresent(), DevData.ABSENT);
        Map<String, SourcePaper> papers = new LinkedHashMap<>();
        DevData.devAbstracts(shared.get()).forEach(p -> papers.put(p.id(), p));
        List<Label> labels = labels();
        assertThat(labels).hasSize(40);

        Score participants = new Score();
        Score duration = new Score();
        Map<StudyDesign, Map<StudyDesign, Integer>> confusion = new EnumMap<>(StudyDesign.class);
        int designCorrect = 0;
        List<String> designMisses = new ArrayList<>();
        StudyDesignClassifier classifier = new StudyDesignClassifier();
        for (Label label : labels) {
            SourcePaper paper = papers.get(label.id());
            assertThat(paper).as("dev abstract %s", label.id()).isNotNull();
            PaperText text = PaperText.read(paper);
            StudyDesign design = classifier.classify(text).design();
            confusion.computeIfAbsent(label.design(), d -> new EnumMap<>(StudyDesign.class)).merge(design, 1, Integer::sum);
            if (design == label.design()) {
                designCorrect++;
            } else {
                designMisses.add(label.id() + ": " + design + " (labelled " + label.design() + ")");
            }
            participants.judge(label.id(), label.participants(),
                    new ParticipantsExtractor().extract(text).map(Participants::text).orElse(null));
            duration.judge(label.id(), label.duration(), new DurationExtractor().extract(text, design).orElse(null));
        }

        double accuracy = (double) designCorrect / labels.size();
        StringBuilder report = new StringBuilder("\n=== Check set: 40 dev abstracts ===\n");
        report.append(participants.line("participants")).append('\n');
        participants.misses.forEach(m -> report.append("    ").append(m).append('\n'));
        report.append(duration.line("duration")).append('\n');
        duration.misses.forEach(m -> report.append("    ").append(m).append('\n'));
        report.append(String.format(Locale.ROOT, "design        accuracy %.2f (%d/%d)%n", accuracy, designCorrect, labels.size()));
        designMisses.forEach(m -> report.append("    ").append(m).append('\n'));
        report.append(confusionMatrix(confusion));
        System.out.println(report);

        // Floors against regressions, set below the figures measured when the extractors were written.
        assertThat(participants.precision()).as("participants precision").isGreaterThanOrEqualTo(0.85);
        assertThat(participants.recall()).as("participants recall").isGreaterThanOrEqualTo(0.85);
        assertThat(duration.precision()).as("duration precision").isGreaterThanOrEqualTo(0.75);
        assertThat(duration.recall()).as("duration recall").isGreaterThanOrEqualTo(0.75);
        assertThat(accuracy).as("design accuracy").isGreaterThanOrEqualTo(0.85);
    }

    static String confusionMatrix(Map<StudyDesign, Map<StudyDesign, Integer>> confusion) {
        StudyDesign[] designs = StudyDesign.values();
        StringBuilder b = new StringBuilder("design confusion matrix (rows: labelled, columns: classified)\n");
        b.append(String.format("%-21s", ""));
        for (StudyDesign d : designs) {
            b.append(String.format("%5s", abbreviation(d)));
        }
        b.append('\n');
        for (StudyDesign row : designs) {
            Map<StudyDesign, Integer> cells = confusion.getOrDefault(row, Map.of());
            if (cells.isEmpty()) {
                continue;
            }
            b.append(String.format("%-21s", row));
            for (StudyDesign col : designs) {
                int n = cells.getOrDefault(col, 0);
                b.append(String.format("%5s", n == 0 ? "." : Integer.toString(n)));
            }
            b.append('\n');
        }
        b.append("columns: ");
        for (StudyDesign d : designs) {
            b.append(abbreviation(d)).append('=').append(d).append(' ');
        }
        return b.append('\n').toString();
    }

    private static String abbreviation(StudyDesign d) {
        return switch (d) {
            case SYSTEMATIC_REVIEW -> "SR";
            case RANDOMISED_TRIAL -> "RCT";
            case NON_RANDOMISED_TRIAL -> "NRT";
            case COHORT -> "COH";
            case CASE_CONTROL -> "CC";
            case CROSS_SECTIONAL -> "XS";
            case CASE_SERIES -> "CS";
            case CASE_REPORT -> "CR";
            case QUALITATIVE -> "QUAL";
            case ANIMAL_OR_LAB -> "LAB";
            case NARRATIVE_REVIEW -> "NR";
            case UNKNOWN -> "UNK";
        };
    }
}
