package app.plainpaper.drafting.sections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrimTest {
    @Test
    void cutsLongClausesAtANaturalBoundary() {
        String aim = "study a possible correlation between serum levels of androgens and sexual desire in women and whether "
                + "the level of androgen metabolite androsterone glucuronide is better correlated than the level of circulating "
                + "androgens with sexual desire";
        assertThat(SimpleExplanationWriter.trim(aim, 10, false))
                .isEqualTo("study a possible correlation between serum levels of androgens and sexual desire");
        // a finding keeps its verb
        assertThat(SimpleExplanationWriter.trim("the distribution of age at injury changed significantly, with a shift "
                + "from unimodal to bimodal distribution", 10, true))
                .isEqualTo("the distribution of age at injury changed significantly");
        assertThat(SimpleExplanationWriter.trim("short enough", 10, true)).isEqualTo("short enough");
    }
}
