package app.plainpaper.checks.policy;

import app.plainpaper.checks.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-only view of the policy that the desk shows editors. */
class PolicyViewTest {

    private final PolicyView view = Checks.withDefaultPolicy().policyView();

    @Test
    void everyRuleIsThereWithWhatAnEditorNeeds() {
        assertThat(view.version()).isEqualTo("4");
        assertThat(view.disclaimerVersion()).isEqualTo("2025-1");
        assertThat(view.rules()).extracting(PolicyView.RuleView::id).isSorted()
                .contains("accuracy.number.contradicted", "accuracy.negation", "compliance.advice");
        assertThat(view.rules()).allSatisfy(r -> {
            assertThat(r.checker()).isIn("accuracy", "compliance");
            assertThat(r.id()).startsWith(r.checker() + ".");
            assertThat(r.severity()).isIn("blocker", "warning", "info");
            assertThat(r.description()).isNotBlank();
        });
        PolicyView.RuleView negation = rule("accuracy.negation");
        assertThat(negation.severity()).isEqualTo("blocker");
        assertThat(negation.lists().get("mustBeNegated")).contains("prove cause");
        assertThat(rule("compliance.advice").patterns()).isNotEmpty();
        assertThat(rule("accuracy.number.contradicted").params()).containsKey("minAlignment");
    }

    @Test
    void itIsReadOnly() {
        assertThatThrownBy(() -> view.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rule("accuracy.negation").lists().get("negators").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rule("accuracy.negation").lists().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itSerialisesToJsonAsItIs() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(view));
        assertThat(json.get("version").asText()).isEqualTo("4");
        JsonNode first = json.get("rules").get(0);
        assertThat(List.of("id", "checker", "severity", "enabled", "description", "message", "lists", "patterns", "params"))
                .allSatisfy(field -> assertThat(first.has(field)).as(field).isTrue());
        assertThat(json.get("rules").size()).isEqualTo(view.rules().size());
    }

    private PolicyView.RuleView rule(String id) {
        return view.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
