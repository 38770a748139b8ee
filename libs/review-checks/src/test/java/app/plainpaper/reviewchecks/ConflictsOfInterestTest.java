package app.plainpaper.reviewchecks;

import app.plainpaper.events.Author;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictsOfInterestTest {

    /** The reference study's identifiers, with a made-up author and affiliation. */
    static final Paper PAPER = Paper.newBuilder()
            .setTitle("Study on the Correlation between Pain and Cytokine Expression in Patients with Bone Metastasis")
            .setDoi("10.1155/2022/1119014").setPmid("35845981")
            .setAuthors(List.of(Author.newBuilder().setName("Jana Müller").setAffiliation("Acme Neuro GmbH, Berlin").build()))
            .setKeywords(List.of("radiotherapy"))
            .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(Instant.EPOCH).build())
            .build();

    @Test
    void theSamePaperByDoiInAnySpellingOrByPmid() {
        assertThat(ConflictsOfInterest.between(declared().setDois(List.of("https://doi.org/10.1155/2022/1119014")).build(), PAPER))
                .hasValue("DOI 10.1155/2022/1119014");
        assertThat(ConflictsOfInterest.between(declared().setPmids(List.of(" 35845981 ")).build(), PAPER)).hasValue("PMID 35845981");
        assertThat(ConflictsOfInterest.between(declared().setDois(List.of("10.1155/2022/9999999")).build(), PAPER)).isEmpty();
    }

    @Test
    void anAuthorInAnyNameOrderWithOrWithoutAccents() {
        assertThat(ConflictsOfInterest.between(declared().setAuthors(List.of("Muller, Jana")).build(), PAPER))
                .hasValue("the author Jana Müller");
        assertThat(ConflictsOfInterest.between(declared().setAuthors(List.of("Jan Muller")).build(), PAPER)).isEmpty();
    }

    @Test
    void anOrganisationOrKeywordAsWholeWordsInAffiliationsTitleOrKeywords() {
        assertThat(ConflictsOfInterest.between(declared().setOrganisations(List.of("Acme Neuro")).build(), PAPER)).hasValue("Acme Neuro");
        assertThat(ConflictsOfInterest.between(declared().setOrganisations(List.of("Radiotherapy")).build(), PAPER)).hasValue("Radiotherapy");
        assertThat(ConflictsOfInterest.between(declared().setOrganisations(List.of("Acm")).build(), PAPER))
                .as("part of a word is not the organisation").isEmpty();
        assertThat(ConflictsOfInterest.between(declared().setOrganisations(List.of("AB")).build(), PAPER))
                .as("too short to name anything").isEmpty();
    }

    @Test
    void nothingDeclaredIsNoConflict() {
        assertThat(ConflictsOfInterest.between(declared().build(), PAPER)).isEmpty();
        assertThat(ConflictsOfInterest.between(null, PAPER)).isEmpty();
    }

    private static DeclaredConflicts.Builder declared() {
        return DeclaredConflicts.newBuilder();
    }
}
