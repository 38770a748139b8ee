package app.plainpaper.checks.mutation;

import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Recall per mutation type and false-blocker rate on the 30 Cochrane pairs of the shared dev data.
 * Skipped, with the reason printed, where the shared data is absent (users' clones).
 */
class PairsEvaluationTest {

    static final Path DATA = Path.of(System.getProperty("plainpaper.pairs", "/work/shared/data/pairs-dev.jsonl"));

    @Test
    void meetsRecallAndFalseBlockerTargets() throws Exception {
        if (!Files.exists(DATA)) {
            System.out.println("PairsEvaluationTest skipped: " + DATA + " not found");
        }
        assumeTrue(Files.exists(DATA), DATA + " not found");
        Checks checks = Checks.withDefaultPolicy();
        PairsEvaluation.Result r = PairsEvaluation.evaluate(PairsEvaluation.read(DATA), checks);
        String md = r.toMarkdown(checks.policy().version(), DATA.toString());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/checks-evaluation.md"), md);
        System.out.println(md);

        assertThat(r.falseBlockerRate()).as("false blockers on clean texts\n%s", md).isLessThanOrEqualTo(0.05);
        r.byType().forEach((type, result) -> {
            assertThat(result.applied()).as("%s mutations applied", type).isGreaterThanOrEqualTo(15);
            assertThat(result.recall()).as("%s recall\n%s", type, md).isGreaterThanOrEqualTo(0.95);
        });
    }
}
