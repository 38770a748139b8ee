package app.plainpaper.checks.policy;

import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    @Test
    void shippedPolicyLoadsAndFitsTheChecks() {
        Policy p = PolicyLoader.loadDefault();
        assertThat(p.version()).isEqualTo("4");
        assertThat(p.allRules()).hasSizeGreaterThanOrEqualTo(19).allSatisfy(r -> {
            assertThat(r.description()).isNotBlank();
            assertThat(r.message()).isNotBlank();
        });
        assertThat(p.rule("compliance.advice").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(p.rule("accuracy.number.unverified").severity()).isEqualTo(Severity.WARNING);
        assertThat(new Checks(p).policy()).isSameAs(p);
    }

    @Test
    void invalidJsonNamesTheLine() {
        assertThatThrownBy(() -> PolicyLoader.parse("{\n \"version\": \"1\",\n \"rules\": [ }", "bad.json"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("bad.json").hasMessageContaining("line 3");
    }

    @Test
    void allProblemsAreReportedTogether() {
        String json = """
                {"rules": [
                  {"id": "compliance.advice", "severity": "BLOCK", "description": "d", "message": "m", "patterns": ["(unclosed"]},
                  {"id": "compliance.promotion", "description": "d", "message": "m", "lists": {"promotional": ["", 3]}},
                  {"id": "compliance.advice", "severity": "WARNING", "description": "d", "message": "m"}
                ]}""";
        assertThatThrownBy(() -> PolicyLoader.parse(json, "policy-x.json"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("'version' is missing")
                .hasMessageContaining("rule 'compliance.advice': 'severity' must be BLOCKER, WARNING or INFO, got 'BLOCK'")
                .hasMessageContaining("patterns[0] is not a valid regular expression")
                .hasMessageContaining("rule 'compliance.promotion': 'severity' is missing")
                .hasMessageContaining("list 'promotional' has an empty or non-text entry");
    }

    @Test
    void checksRejectAPolicyThatDoesNotFit(@TempDir Path dir) throws Exception {
        Policy shipped = PolicyLoader.loadDefault();
        Map<String, RulePolicy> rules = new java.util.LinkedHashMap<>(shipped.rules());
        rules.remove("compliance.links");
        RulePolicy direction = rules.get("accuracy.direction");
        Map<String, WordList> lists = new java.util.HashMap<>(direction.lists());
        lists.remove("up");
        rules.put(direction.id(), new RulePolicy(direction.id(), direction.severity(), true, direction.description(),
                direction.message(), lists, direction.patterns(), direction.params()));
        rules.put("accuracy.telepathy", new RulePolicy("accuracy.telepathy", Severity.INFO, true, "d", "m", Map.of(),
                List.of(), Map.of()));
        Policy broken = new Policy("9", shipped.settings(), shipped.synonyms(), rules);
        assertThatThrownBy(() -> new Checks(broken)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("rule 'compliance.links' is missing")
                .hasMessageContaining("rule 'accuracy.direction' needs a word list 'up'")
                .hasMessageContaining("rule 'accuracy.telepathy' is not a rule this version of the checks knows");

        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"version\": \"2\", \"rules\": []}");
        assertThatThrownBy(() -> PolicyLoader.load(file)).hasMessageContaining("'rules' must be a non-empty array");
    }

    @Test
    void wordListsMatchWholeWordsWithWildcards() {
        WordList l = new WordList(List.of("improv*", "side effect*", "no"));
        assertThat(l.find("It improved; side   effects; no-one; nothing; No.")).extracting(PhraseMatch::text)
                .containsExactly("improved", "side   effects", "No");
    }
}
