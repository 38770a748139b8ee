package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy version 3 of the animal rules: a species named for the same thing as the source's, hedges that only count
 * where they govern the human word, asides, and summaries of animal sources that never say so.
 */
class PopulationRuleTest {

    private final Checks checks = Checks.withDefaultPolicy();

    private List<String> animalBlockers(String plain, String technical) {
        return checks.checkText(plain, technical).byRule(PopulationRule.ANIMAL).stream()
                .map(f -> plain.substring(f.start(), f.end())).toList();
    }

    // PLOS ONE, PMC3460867 (MmPPOX and M. tuberculosis lipolytic enzymes), CC BY, abstracts-dev.jsonl
    private static final String HSL = "This study was devoted to the M. tuberculosis lipolytic enzymes belonging to the "
            + "Hormone-Sensitive Lipase (HSL) family, which encompasses twelve serine hydrolases closely related to the human HSL.";
    // our draft's sentence of that abstract
    private static final String HSL_DRAFT = "The research aimed to study the M. tuberculosis lipolytic enzymes belonging to "
            + "the Hormone-Sensitive Lipase family, which encompasses twelve serine hydrolases closely related to the human HSL.";

    @Test
    void aHumanWordForWhatTheSourceSaysOfAnotherSpeciesIsABlocker() {
        assertThat(animalBlockers(HSL_DRAFT, HSL)).isEmpty();
        // the same abstract with the species changed, as if it were about the rodent enzyme
        assertThat(animalBlockers(HSL_DRAFT, HSL.replace("human HSL", "rodent HSL"))).containsExactly("human");
    }

    // eLife 39188 (gene networks after spinal cord injury), CC BY, abstracts-dev.jsonl: human tissue and rodents
    private static final String NETWORKS = "Here, we describe a systems biology approach to integrate decades of small-scale "
            + "experiments with unbiased, genome-wide gene expression from the human spinal cord, revealing a gene regulatory "
            + "network signature of the pathophysiological response to SCI. We validate the severity-dependent upregulation "
            + "of this subnetwork in rodents in primary transcriptomic and proteomic studies.";

    @Test
    void aSourceOfHumanTissueAndRodentsIsNotAnAnimalSourceForTheHumanPart() {
        assertThat(animalBlockers("The research aimed to describe a systems biology approach to integrate decades of "
                + "small-scale experiments with unbiased, genome-wide gene expression from the human spinal cord.", NETWORKS))
                .isEmpty();
    }

    // eLife 23532 (cortex-dependent recovery of hindlimb locomotion), CC BY, abstracts-dev.jsonl: a study in rats
    private static final String RATS = "We challenge this assumption, showing that completely spinalized adult rats can "
            + "recover unassisted hindlimb weight support and locomotion without explicit spinal transmission of motor "
            + "commands through the lesion. Lesioning the reorganized cortex reverses the recovery. Adult rats can thus "
            + "develop a novel cortical sensorimotor circuit that bypasses the lesion, probably through biomechanical "
            + "coupling, to partly recover unassisted hindlimb locomotion after complete spinal cord injury.";

    @Test
    void aHedgeInAnotherClauseDoesNotMakeAStatementAboutPeopleTentative() {
        // the wording of Cochrane CD012838.pub2's plain summary ("that could not be removed by surgery") on this study
        assertThat(animalBlockers("Participants included in this study had a complete spinal cord injury that could not "
                + "heal on its own, and recovered unassisted locomotion.", RATS)).containsExactly("Participants");
        // a hedge in the clause of the human word: what people might see later is not a finding in people
        assertThat(animalBlockers("This could one day help people recover locomotion after complete spinal cord injury.",
                RATS)).isEmpty();
        assertThat(animalBlockers("Adult rats recovered unassisted locomotion after complete spinal cord injury.", RATS))
                .isEmpty();
        // commas do not end the reach of a hedge before the human word
        assertThat(animalBlockers("Such therapies could, in the future, help people recover locomotion after spinal cord "
                + "injury.", RATS)).isEmpty();
    }

    @Test
    void aSummaryOfAnAnimalSourceThatNeverSaysSoIsABlocker() {
        String unlabelled = "Lesioning the reorganized cortex reverses the recovery. A novel cortical sensorimotor circuit "
                + "can bypass the lesion to partly recover unassisted locomotion after complete spinal cord injury.";
        assertThat(checks.checkText(unlabelled, RATS).byRule(PopulationRule.UNLABELLED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("rats"));
        assertThat(checks.checkText("In adult rats, " + unlabelled, RATS).byRule(PopulationRule.UNLABELLED)).isEmpty();
        // a declared design is compliance.animal-label's to judge
        app.plainpaper.checks.Source declared = new app.plainpaper.checks.Source("Cortex-dependent recovery",
                List.of(new app.plainpaper.checks.SourceSection(null, RATS)), app.plainpaper.checks.StudyDesign.ANIMAL_OR_LAB,
                "CC BY 4.0");
        assertThat(checks.checkText(unlabelled, declared).byRule(PopulationRule.UNLABELLED)).isEmpty();
        // a source about people: nothing to label
        assertThat(checks.checkText("Most studies lasted on average about 6 weeks.", "Fifteen RCTs involving 5986 "
                + "participants were included in this review.").byRule(PopulationRule.UNLABELLED)).isEmpty();
    }

    @Test
    void anAsideStatesAFindingOfItsOwn() {
        // the wording of Cochrane CD002806.pub2's plain summary: the hedge "whether ... can" is outside the parenthesis
        assertThat(animalBlockers("It is not clear whether this therapy (which helped people recover locomotion) can restore "
                + "hindlimb weight support.", RATS)).containsExactly("people");
        // a count of people in an aside says who took part (the wording of Cochrane CD008874.pub2's plain summary)
        assertThat(animalBlockers("We included 133 studies (844,206 participants) which investigated the accuracy of seven "
                + "tests.", RATS)).containsExactly("participants");
        // a human word in an aside that states no finding of its own stays under the sentence's hedge
        assertThat(animalBlockers("It is not clear whether this therapy can help people (for example those with a complete "
                + "injury) recover locomotion.", RATS)).isEmpty();
    }
}
