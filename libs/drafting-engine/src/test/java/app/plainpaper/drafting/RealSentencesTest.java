package app.plainpaper.drafting;

import app.plainpaper.drafting.evidence.StudyDesignClassifier;
import app.plainpaper.drafting.extraction.Aim;
import app.plainpaper.drafting.extraction.AimExtractor;
import app.plainpaper.drafting.extraction.DurationExtractor;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.extraction.ParticipantsExtractor;
import app.plainpaper.drafting.plain.PlainWords;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.sections.ImplicationWriter;
import app.plainpaper.drafting.sections.KeyFindingSelector;
import app.plainpaper.drafting.sections.LimitationFinder;
import app.plainpaper.drafting.source.PaperText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each extractor, the design classifier and the section rules (limitations, key findings, implications) on real
 * abstract sentences (test resource real-sentences.tsv).
 */
class RealSentencesTest {

    private static final Rewriter REWRITER = new Rewriter(PlainWords.builtIn());

    static Stream<Arguments> sentences() throws IOException {
        try (InputStream in = Objects.requireNonNull(RealSentencesTest.class.getResourceAsStream("real-sentences.tsv"))) {
            List<String[]> rows = DataFile.rows("real-sentences.tsv", in, 5);
            return rows.stream().map(r -> Arguments.of(r[1], r[0], r[2], r[3], r[4])).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("sentences")
    void extracts(String check, String source, String label, String sentence, String expected) {
        SourcePaper paper = new SourcePaper(source, "A test paper", null, null,
                List.of(new SourceSection("-".equals(label) ? null : label, sentence)), List.of(), List.of(), List.of());
        PaperText text = PaperText.read(paper);
        String actual = switch (check) {
            case "participants" -> new ParticipantsExtractor().extract(text).map(Participants::text).orElse("-");
            case "duration" -> new DurationExtractor().extract(text, StudyDesign.COHORT).orElse("-");
            case "design" -> new StudyDesignClassifier().classify(text).design().name();
            case "aim" -> new AimExtractor().extract(text).map(Aim::clause).orElse("-");
            case "limitation" -> new LimitationFinder(REWRITER).find(text, StudyDesign.RANDOMISED_TRIAL, Optional.empty())
                    .stream().findFirst().orElse("-");
            case "finding" -> new KeyFindingSelector(REWRITER).select(text).stream().findFirst()
                    .map(KeyFindingText::text).orElse("-");
            case "implication" -> new ImplicationWriter(REWRITER).write(text, StudyDesign.UNKNOWN).stream().findFirst()
                    .map(p -> p.title() + ": " + p.text()).orElse("-");
            default -> throw new IllegalArgumentException(check);
        };
        assertThat(actual).as("%s of: %s", check, sentence).isEqualTo(expected);
    }
}
