package app.plainpaper.ingestion.intake;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Author;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaperMergeTest {

    static Paper.Builder paper() {
        return Paper.newBuilder().setTitle("Walking after spinal cord injury").setDoi("10.1000/walk")
                .setAbstractSections(List.of(AbstractSection.newBuilder().setLabel(null).setText("Plain abstract.").build()))
                .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(Instant.EPOCH).build());
    }

    @Test
    void theSamePaperAgainAddsNothing() {
        assertThat(PaperMerge.merge(paper().build(), paper().build())).isEmpty();
    }

    @Test
    void structuredAbstractMeshTermsAuthorsAndMissingIdsAreAdded() {
        Paper known = paper().build();
        Paper incoming = paper().setPmid("123").setLicence("CC BY")
                .setAbstractSections(List.of(section("BACKGROUND", "Why."), section("RESULTS", "What.")))
                .setMeshTerms(List.of("Spinal Cord Injuries"))
                .setAuthors(List.of(Author.newBuilder().setName("Ada Lovelace").build()))
                .build();

        var merged = PaperMerge.merge(known, incoming).orElseThrow();

        assertThat(merged.added()).containsExactly("pmid", "licence", "abstract sections", "authors", "MeSH terms");
        assertThat(merged.paper().getPmid()).isEqualTo("123");
        assertThat(merged.paper().getAbstractSections()).extracting(AbstractSection::getLabel).containsExactly("BACKGROUND", "RESULTS");
        assertThat(merged.paper().getDoi()).isEqualTo("10.1000/walk");
        assertThat(merged.paper().getOrigin().getKind()).isEqualTo(SourceKind.JSON_API);
    }

    @Test
    void knownValuesAreNeverOverwrittenAndFewerSectionsNeverReplaceMore() {
        Paper known = paper().setJournal("Spinal Cord").setAbstractSections(List.of(section("A", "a"), section("B", "b"))).build();
        Paper incoming = paper().setJournal("Other Journal").setAbstractSections(List.of(section(null, "a b"))).build();

        assertThat(PaperMerge.merge(known, incoming)).isEmpty();
    }

    @Test
    void newMeshTermsAreUnitedWithTheKnownOnes() {
        Paper known = paper().setMeshTerms(List.of("Humans")).build();
        Paper incoming = paper().setMeshTerms(List.of("Humans", "Paraplegia")).build();

        assertThat(PaperMerge.merge(known, incoming).orElseThrow().paper().getMeshTerms()).containsExactly("Humans", "Paraplegia");
    }

    static AbstractSection section(String label, String text) {
        return AbstractSection.newBuilder().setLabel(label).setText(text).build();
    }
}
