package app.plainpaper.checks.mutation;

import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Recall per mutation type and false-blocker rate on the 30 Cochrane pairs of the shared dev data, written to
 * target/checks-evaluation.md. Skipped, with the reason printed, where the shared data is absent (users' clones).
 *
 * <p>The team targets are recall >= 0.95 for number, direction, negation, population and inserted advice, and
 * false blockers on at most 5% of clean texts. The false-blocker target is met and asserted; the recall targets
 * are met for advice only (docs/checks.md gives the figures), so the recall floors below are the figures reached
 * when this was written: the test fails on any regression.
 */
class PairsEvaluationTest {

    /** shared/ beside the repository (or PLAINPAPER_SHARED, or -Dplainpaper.pairs=FILE). */
    static final Path DATA = Path.of(System.getProperty("plainpaper.pairs", Path.of(System.getenv().getOrDefault("PLAINPAPER_SHARED",
            Path.of("").toAbsolutePath().resolve("../../../shared").normalize().toString())).resolve("data/pairs-dev.jsonl").toString()));

    /** Recall floors per mutation type: today's figures, to be raised towards 0.95. */
    static final Map<Mutation.Type, Double> RECALL_FLOOR = Map.of(
            Mutation.Type.NUMBER, 0.76, Mutation.Type.DIRECTION, 0.52, Mutation.Type.NEGATION, 0.57,
            Mutation.Type.ADVICE, 1.0, Mutation.Type.POPULATION, 0.93);
    /** Share of clean texts with a blocker: the team target. */
    static final double FALSE_BLOCKER_CEILING = 0.05;

    @Test
    void recallAndFalseBlockersOnTheDevPairs() throws Exception {
        if (!Files.exists(DATA)) {
            System.out.println("PairsEvaluationTest skipped: " + DATA + " not found (shared dev data absent)");
        }
        assumeTrue(Files.exists(DATA), DATA + " not found");
        Checks checks = Checks.withDefaultPolicy();
        PairsEvaluation.Result r = PairsEvaluation.evaluate(PairsEvaluation.read(DATA), checks);
        String md = r.toMarkdown(checks.policy().version(), DATA.toString());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/checks-evaluation.md"), md);
        System.out.println(md);

        assertThat(r.texts()).isEqualTo(30);
        assertThat(r.falseBlockerRate()).as("false blockers on clean texts\n%s", md).isLessThanOrEqualTo(FALSE_BLOCKER_CEILING);
        r.byType().forEach((type, result) -> {
            assertThat(result.applied()).as("%s mutations applied", type).isGreaterThanOrEqualTo(15);
            assertThat(result.recall()).as("%s recall\n%s", type, md).isGreaterThanOrEqualTo(RECALL_FLOOR.get(type) - 1e-9);
        });
    }
}
