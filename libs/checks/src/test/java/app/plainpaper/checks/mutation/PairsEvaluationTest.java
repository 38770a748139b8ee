package app.plainpaper.checks.mutation;

import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Recall per mutation type and false-blocker rate on the 30 Cochrane pairs of the shared dev data, written to
 * target/checks-evaluation.md. Skipped, with the reason printed, where the shared data is absent (users' clones).
 *
 * <p>The team targets are recall >= 0.95 for number, direction, negation, population and inserted advice, and
 * false blockers on at most 5% of clean texts. Both are met (docs/checks.md gives the figures); the false-blocker
 * target is asserted, and the recall floors below are the figures reached when this was written, so the test fails
 * on any regression.
 */
class PairsEvaluationTest {

    /** shared/ beside the repository (or PLAINPAPER_SHARED, or -Dplainpaper.pairs=FILE). */
    static final Path DATA = Path.of(System.getProperty("plainpaper.pairs", Path.of(System.getenv().getOrDefault("PLAINPAPER_SHARED",
            Path.of("").toAbsolutePath().resolve("../../../shared").normalize().toString())).resolve("data/pairs-dev.jsonl").toString()));
    /** The dev abstracts beside the pairs; our own drafts of them are the other half of the texts. */
    static final Path ABSTRACTS = DATA.resolveSibling("abstracts-dev.jsonl");

    /** Recall floors per mutation type: today's figures, at or above the 0.95 target. */
    static final Map<Mutation.Type, Double> RECALL_FLOOR = Map.of(
            Mutation.Type.NUMBER, 1.0, Mutation.Type.DIRECTION, 0.96, Mutation.Type.NEGATION, 0.95,
            Mutation.Type.ADVICE, 1.0, Mutation.Type.POPULATION, 0.95);
    /** Share of clean texts with a blocker: the team target. */
    static final double FALSE_BLOCKER_CEILING = 0.05;

    @Test
    void recallAndFalseBlockersOnTheDevPairsAndOurDrafts() throws Exception {
        if (!Files.exists(DATA) || !Files.exists(ABSTRACTS)) {
            System.out.println("PairsEvaluationTest skipped: " + DATA + " or " + ABSTRACTS + " not found (shared dev data absent)");
        }
        assumeTrue(Files.exists(DATA) && Files.exists(ABSTRACTS), DATA + " not found");
        Checks checks = Checks.withDefaultPolicy();
        List<PairsEvaluation.Pair> humans = PairsEvaluation.read(DATA);
        List<PairsEvaluation.Pair> drafts = PairsEvaluation.drafts(ABSTRACTS);
        String md = PairsEvaluation.report(checks, DATA, ABSTRACTS);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/checks-evaluation.md"), md);
        System.out.println(md);

        assertThat(humans).hasSize(30);
        assertThat(drafts).hasSize(40);
        List<PairsEvaluation.Pair> both = new java.util.ArrayList<>(humans);
        both.addAll(drafts);
        for (List<PairsEvaluation.Pair> set : List.of(humans, drafts)) {
            PairsEvaluation.Result r = PairsEvaluation.evaluate(set, checks);
            assertThat(r.falseBlockerRate()).as("false blockers on clean texts\n%s", md).isLessThanOrEqualTo(FALSE_BLOCKER_CEILING);
        }
        PairsEvaluation.Result r = PairsEvaluation.evaluate(both, checks);
        r.byType().forEach((type, result) -> {
            assertThat(result.applied()).as("%s mutations applied", type).isGreaterThanOrEqualTo(15);
            assertThat(result.recall()).as("%s recall\n%s", type, md).isGreaterThanOrEqualTo(RECALL_FLOOR.get(type) - 1e-9);
        });
    }
}
