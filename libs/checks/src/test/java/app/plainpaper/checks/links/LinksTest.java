package app.plainpaper.checks.links;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @Test
    void doisAreNormalisedFromAnySpelling() {
        assertThat(Doi.normalise("10.7554/eLife.39188")).contains("10.7554/elife.39188");
        assertThat(Doi.normalise("https://doi.org/10.1002/14651858.CD011375.pub2")).contains("10.1002/14651858.cd011375.pub2");
        assertThat(Doi.normalise("doi: 10.1089/neu.2019.6495")).contains("10.1089/neu.2019.6495");
        assertThat(Doi.normalise("https://dx.doi.org/10.1016/S0140-6736(20)30000-0")).isPresent();
        assertThat(Doi.isWellFormed("10.12/abc")).isFalse();
        assertThat(Doi.problem("10.1002/")).contains("nothing after");
        assertThat(Doi.problem("11.1002/x")).contains("starts with");
        assertThat(Doi.problem("10.7554/eLife.39188")).isNull();
    }

    @Test
    void findsWellFormedAndBrokenLinks() {
        String text = "See https://www.cochranelibrary.com/cdsr (free), www.nhs.uk, https//broken.org, "
                + "htp://example.org, http://localhost/x, 10.7554/eLife.39188.";
        List<Link> links = Links.find(text);
        assertThat(links).extracting(Link::raw).containsExactly("https://www.cochranelibrary.com/cdsr", "www.nhs.uk",
                "https//broken.org", "htp://example.org", "http://localhost/x", "10.7554/eLife.39188");
        assertThat(links).extracting(Link::wellFormed).containsExactly(true, true, false, false, false, true);
        assertThat(links.get(5).kind()).isEqualTo(Link.Kind.DOI);
        for (Link l : links) {
            assertThat(text.substring(l.start(), l.end())).isEqualTo(l.raw());
        }
        assertThat(Links.urlProblem("htp://example.org")).contains("htp");
    }
}
