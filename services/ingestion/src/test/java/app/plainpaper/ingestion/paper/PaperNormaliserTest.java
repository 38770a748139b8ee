package app.plainpaper.ingestion.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperNormaliserTest {

    private static PaperSubmission paper(String doi, String pmid, String abstractText) {
        return new PaperSubmission(null, null, "  Pain and <i>cytokines</i>  after radiotherapy ", "Pain Res Manag", 2022,
                doi, pmid, null, null, abstractText, List.of("Yaling Lou", "Yu Chen"), "2022-07-08", null, null);
    }

    @Test
    void doisLoseTheirResolverPrefixAndCase() {
        assertThat(PaperNormaliser.normaliseDoi("https://doi.org/10.1155/2022/1119014")).isEqualTo("10.1155/2022/1119014");
        assertThat(PaperNormaliser.normaliseDoi("doi: 10.7554/eLife.39188")).isEqualTo("10.7554/elife.39188");
        assertThat(PaperNormaliser.normaliseDoi("HTTP://DX.DOI.ORG/10.1000/ABC")).isEqualTo("10.1000/abc");
    }

    @Test
    void aShortDoiIsNamedAsSuchNotTakenForTheDoi() {
        assertThatThrownBy(() -> PaperNormaliser.clean(paper("doi:10/GG55P5", "35845981", "Text.")))
                .isInstanceOfSatisfying(InvalidPaper.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("is a shortDOI").contains("https://doi.org/10/gg55p5"));
    }

    @Test
    void markupIsStrippedButComparisonsStay() {
        CleanPaper clean = PaperNormaliser.clean(paper("10.1155/2022/1119014", "35845981",
                "<p>Pain fell (P < 0.05) in patients with scores > 4.</p>"));
        assertThat(clean.title()).isEqualTo("Pain and cytokines after radiotherapy");
        assertThat(clean.sections()).singleElement().extracting(CleanPaper.Section::text)
                .isEqualTo("Pain fell (P < 0.05) in patients with scores > 4.");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> PaperNormaliser.clean(new PaperSubmission(null, null, " ", null, 3022, "not-a-doi",
                "12a", null, null, null, null, "2022-13-45", null, null)))
                .isInstanceOfSatisfying(InvalidPaper.class, e -> assertThat(e.problems()).hasSize(6)
                        .anyMatch(p -> p.contains("title is required"))
                        .anyMatch(p -> p.contains("pmid must be numeric"))
                        .anyMatch(p -> p.contains("not a DOI"))
                        .anyMatch(p -> p.contains("no abstract"))
                        .anyMatch(p -> p.contains("plausible publication year"))
                        .anyMatch(p -> p.contains("published must be a date")));
    }

    @Test
    void papersWithoutIdentifiersAreKnownByTitleYearAndFirstAuthor() {
        CleanPaper a = PaperNormaliser.clean(paper(null, null, "Text."));
        CleanPaper b = PaperNormaliser.clean(new PaperSubmission(null, null, "PAIN and cytokines, after radiotherapy!",
                null, 2022, null, null, null, null, "Other text.", List.of("Lou, Yaling"), null, null, null));
        assertThat(a.identityKeys()).isEqualTo(b.identityKeys()).containsExactly("title:pain and cytokines after radiotherapy|2022|lou");
    }

    @Test
    void doiAndPmidAreBothIdentities() {
        CleanPaper clean = PaperNormaliser.clean(paper("10.1155/2022/1119014", "35845981", "Text."));
        assertThat(clean.identityKeys()).containsExactly("doi:10.1155/2022/1119014", "pmid:35845981");
    }
}
