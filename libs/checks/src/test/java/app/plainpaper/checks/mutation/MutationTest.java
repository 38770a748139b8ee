package app.plainpaper.checks.mutation;

import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small mutation test on four Cochrane pairs copied into test resources (pairs-sample.jsonl, from
 * /work/shared/data/pairs-dev.jsonl; each record names its origin). Clean human summaries raise no blocker;
 * one changed number, flipped direction, flipped negation, inserted piece of advice or a source turned into
 * an animal study is caught by a new blocker at the right place. The full figures over 30 pairs are in
 * docs/checks.md; the known misses on these four are listed here rather than hidden.
 */
class MutationTest {

    /** Mutations the checks do not catch on these pairs today (see docs/checks.md, "Known gaps"). */
    private static final Map<String, Set<Mutation.Type>> KNOWN_MISSES = Map.of();

    static List<PairsEvaluation.Pair> pairs;
    static Checks checks;

    @BeforeAll
    static void load() throws URISyntaxException, java.io.IOException {
        pairs = PairsEvaluation.read(Path.of(MutationTest.class.getResource("/app/plainpaper/checks/pairs-sample.jsonl").toURI()));
        checks = Checks.withDefaultPolicy();
    }

    @Test
    void cleanHumanSummariesRaiseNoBlocker() {
        assertThat(pairs).hasSize(4);
        for (PairsEvaluation.Pair p : pairs) {
            CheckReport report = checks.checkText(p.plain(), p.technical());
            assertThat(report.blockers()).as(p.id()).isEmpty();
        }
    }

    @Test
    void eachMutationIsCaughtAtTheMutatedSentence() {
        int caught = 0;
        for (int i = 0; i < pairs.size(); i++) {
            PairsEvaluation.Pair p = pairs.get(i);
            CheckReport clean = checks.checkText(p.plain(), p.technical());
            List<Mutation> mutations = Mutations.all(p.plain(), p.technical(), i);
            assertThat(mutations.stream().map(Mutation::type).toList()).as("operators applied to %s", p.id())
                    .contains(Mutation.Type.ADVICE, Mutation.Type.POPULATION).hasSizeGreaterThanOrEqualTo(3);
            for (Mutation m : mutations) {
                CheckReport mutated = checks.checkText(m.plain(), m.technical());
                var fresh = PairsEvaluation.newBlockers(clean, p.plain(), mutated, m);
                boolean expectedMiss = KNOWN_MISSES.getOrDefault(p.id(), Set.of()).contains(m.type());
                if (expectedMiss) {
                    assertThat(fresh).as("%s %s (%s) is a known miss; if it is caught now, update KNOWN_MISSES",
                            p.id(), m.type(), m.what()).isEmpty();
                } else {
                    assertThat(fresh).as("%s %s: %s", p.id(), m.type(), m.what()).isNotEmpty();
                    assertThat(fresh).anyMatch(f -> f.ruleId().startsWith(PairsEvaluation.EXPECTED.get(m.type())));
                    caught++;
                }
            }
        }
        assertThat(caught).isGreaterThanOrEqualTo(14);
    }

    @Test
    void operatorsChangeWhatTheySay() {
        PairsEvaluation.Pair p = pairs.get(0);
        Mutation number = Mutations.changeNumber(p.plain(), p.technical()).orElseThrow();
        assertThat(number.plain()).isNotEqualTo(p.plain());
        assertThat(number.what()).matches("\\S+ -> \\S+");
        Mutation advice = Mutations.insertAdvice(p.plain(), p.technical(), 2);
        assertThat(advice.plain()).contains("Ask your doctor to prescribe");
        Mutation animal = Mutations.makeSourceAnimal(p.plain(), p.technical()).orElseThrow();
        assertThat(animal.technical()).contains("rats").doesNotContain(" participants");
        assertThat(animal.plain()).isEqualTo(p.plain());
    }
}
