package app.plainpaper.cli.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SourceRef;
import app.plainpaper.drafting.StudyDesign;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of {@code evaluate} must be able to fail: a draft that copies and invents numbers is caught. */
class DraftFiguresTest {

    private static final String TITLE = "Walking after spinal cord injury";
    private static final String ABSTRACT = "We followed 40 adults with spinal cord injury for two years. "
            + "Walking speed improved in most adults who trained on a treadmill three times a week.";

    @Test
    void countsNearCopiesUnsupportedNumbersAndUnsourcedFindings() {
        DraftText draft = draft("Walking speed improved in most adults who trained on a treadmill three times a week. "
                        + "The researchers looked at how people walked.",
                List.of(new KeyFindingText("Walking got faster for 45 people.", List.of()),
                        new KeyFindingText("Training helped.", List.of(new SourceRef(1, "Walking speed improved.")))));

        DraftFigures f = DraftFigures.of(draft, TITLE, ABSTRACT);

        assertThat(f.sentences()).isEqualTo(2);
        assertThat(f.nearCopies()).isEqualTo(1);
        assertThat(f.nearCopyShare()).isEqualTo(0.5);
        assertThat(f.unsupportedNumbers()).containsExactly("45");
        assertThat(f.findings()).isEqualTo(2);
        assertThat(f.findingsWithoutSource()).isEqualTo(1);
        assertThat(f.participantsFilled()).isTrue();
        assertThat(f.durationFilled()).isFalse();
    }

    @Test
    void aDraftInItsOwnWordsWithTheSourcesNumbersPasses() {
        DraftText draft = draft("The researchers followed 40 adults. Most of them walked faster after training.",
                List.of(new KeyFindingText("Most adults walked faster.", List.of(new SourceRef(1, "x")))));

        DraftFigures f = DraftFigures.of(draft, TITLE, ABSTRACT);

        assertThat(f.nearCopies()).isZero();
        assertThat(f.unsupportedNumbers()).isEmpty();
        assertThat(f.findingsWithoutSource()).isZero();
    }

    private static DraftText draft(String explanation, List<KeyFindingText> findings) {
        return new DraftText(explanation, null, "40 adults",
                new EvidenceAssessment("OCEBM 2011", "3", StudyDesign.COHORT, "followed"), findings, "Summary.",
                List.of(new ImplicationText("What This Kind of Study Can Show", "It shows links.")), List.of(),
                List.of(), List.of(), List.of(), "test", null);
    }
}
