package app.plainpaper.formats.bibtex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RealFiles;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.text.Doi;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibtexParserTest {

    private final BibtexParser parser = new BibtexParser();

    private List<ParsedRecord> parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<ParsedRecord> parse(byte[] bytes) {
        return parser.parse(new ByteArrayInputStream(bytes));
    }

    private static ParsedPaper paper(ParsedRecord r) {
        assertThat(r).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) r).paper();
    }

    @Test
    void commonmetaBibtexOfTheElifePaper() {
        List<ParsedRecord> records = parse(RealFiles.fixture(RealFiles.BIBTEX.get(0)));
        assertThat(records).hasSize(1);
        ParsedPaper p = paper(records.get(0));
        assertThat(p.title()).isEqualTo("Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth");
        assertThat(p.doi()).isEqualTo("10.7554/elife.01567");
        assertThat(p.journal()).isEqualTo("eLife");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2014, 2, null)); // month = {feb}
        assertThat(p.authors()).extracting(Author::familyName, Author::givenNames).containsExactly(
                tuple("Sankar", "Martial"), tuple("Nieminen", "Kaisa"), tuple("Ragni", "Laura"), tuple("Xenarios", "Ioannis"),
                tuple("Hardtke", "Christian S"));
        assertThat(p.licence()).isEqualTo("http://creativecommons.org/licenses/by/3.0/"); // copyright = {http://...}
        assertThat(p.abstractText()).startsWith("Among various advantages, their small size makes model organisms preferred subjects");
        assertThat(p.publicationTypes()).containsExactly("article");
    }

    @Test
    void zoteroBetterBibtexSciPaperWithShortDoiFromSharedOnly() {
        byte[] file = RealFiles.shared("bibtex/H-Mateus_personal_website__modelling_paper_500_cite.bib", "none stated");
        ParsedPaper p = paper(parse(file).get(0));
        assertThat(p.title()).isEqualTo("Routinely Measured Haematological Markers Can Help to Predict AIS Scores Following Spinal Cord Injury");
        assertThat(p.doi()).isEqualTo("10/gg55p5"); // kept as the file says ...
        assertThat(Doi.isShort(p.doi())).isTrue(); // ... and recognisable as a shortDOI, not a full DOI
        assertThat(Doi.isFull(p.doi())).isFalse();
        assertThat(p.journal()).isEqualTo("Journal of Neurotrauma");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2020, 7, null)); // month = jul (macro)
        assertThat(p.authors()).hasSize(8);
        assertThat(p.authors().get(0).familyName()).isEqualTo("Bernardo Harrington");
        assertThat(p.authors().get(0).givenNames()).isEqualTo("Gabriel Mateus");
        assertThat(p.abstractText()).startsWith("Neurological outcomes following spinal cord injury (SCI) are currently difficult to predict.");

        ParsedPaper other = paper(parse(RealFiles.shared("bibtex/H-Mateus_personal_website__perlim_modelling_paper_cite.bib",
                "none stated")).get(0));
        assertThat(other.doi()).isEqualTo("10.1089/neu.2019.6495");
        assertThat(other.title()).isEqualTo("A Preliminary Cohort Study Assessing Routine Blood Analyte Levels and Neurological Outcome Following Spinal Cord Injury");
        assertThat(other.publicationDate()).isEqualTo(new PublicationDate(2019, 7, null));
        assertThat(other.authors()).hasSize(10);
    }

    @Test
    void scopusExportWithHeaderLinesFromSharedOnly() {
        List<ParsedRecord> records = parse(RealFiles.shared("bibtex/p1m-ortho_qm-replication-of-sr-searches__scopus.bib"));
        assertThat(records).hasSize(10);
        ParsedPaper first = paper(records.get(0));
        assertThat(first.title()).startsWith("Improving the quality of systematic reviews of neurological conditions:");
        assertThat(first.doi()).isEqualTo("10.1111/ene.13758");
        assertThat(first.journal()).isEqualTo("European Journal of Neurology");
        assertThat(first.publicationDate()).isEqualTo(new PublicationDate(2018, null, null));
        assertThat(first.authors()).extracting(Author::familyName).containsExactly("Bui", "Abdaem", "Muccilli", "Gore", "Keezer");
        assertThat(first.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("Background and purpose", "Methods", "Results", "Conclusions");
        assertThat(first.keywords()).containsExactly("diagnostic accuracy", "hedge", "MEDLINE", "neurology", "search strategy", "systematic review");
        assertThat(first.publicationTypes()).containsExactly("article", "Article");
        // Riegelman2018 has neither abstract nor DOI: rejected for that reason, identified by its key
        assertThat(records.get(1)).isInstanceOfSatisfying(ParsedRecord.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("no abstract");
            assertThat(r.identifier()).isEqualTo("Riegelman201822");
        });
        // "funding_text 1" (a field name with a no-break space) does not break the entry
        assertThat(paper(records.get(2)).doi()).isEqualTo("10.1186/s12874-018-0545-3");
        assertThat(paper(records.get(7)).title()).contains("Las revisiones sistemáticas en Biblioteconomía");
    }

    @Test
    void latexAccentsBracesQuotesMacrosAndComments() {
        String bib = "% written by hand\n@comment{jabref-meta: x}\n@preamble{\"\\newcommand{\\noop}[1]{}\"}\n"
                + "@string{neuro = \"J Neuro\" # \"trauma\"}\n"
                + "@article{k1,\n  title = \"{M}\\\"{u}ller's {{SCI}} study of {\\o}sterg{\\aa}rd and \\'{E}lise -- a \\c{c}ase\",\n"
                + "  author = {M{\\\"u}ller, J{\\\"o}rg and {SCI Trials Group} and Fran\\c{c}ois Dupont},\n"
                + "  journal = neuro, year = 2021, month = mar, pmid = {12345},\n"
                + "  abstract = {OBJECTIVE: To test {\\em nested {braces}}. METHODS: 50\\% of p\\'{e}ople.}\n}\n";
        ParsedPaper p = paper(parse(bib).get(0));
        assertThat(p.title()).isEqualTo("Müller's SCI study of østergård and Élise \u2013 a çase");
        assertThat(p.authors()).extracting(Author::familyName, Author::givenNames, Author::collectiveName).containsExactly(
                tuple("Müller", "Jörg", null), tuple(null, null, "SCI Trials Group"), tuple("Dupont", "François", null));
        assertThat(p.journal()).isEqualTo("J Neurotrauma");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2021, 3, null));
        assertThat(p.pmid()).isEqualTo("12345");
        assertThat(p.abstractSections()).containsExactly(new AbstractSection("OBJECTIVE", "To test nested braces."),
                new AbstractSection("METHODS", "50% of péople."));
    }

    @Test
    void anUnclosedEntryIsRejectedAloneAndTheNextOneStillReads() {
        String bib = "@article{broken, title = {Never closed, abstract = {x}\n"
                + "@article{good, title = {Good}, abstract = {Fine.}, doi = {https://doi.org/10.1000/XYZ}}\n"
                + "@article{noabs, title = {No abstract}}\n";
        List<ParsedRecord> records = parse(bib);
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(((ParsedRecord.Rejected) records.get(0)).reason()).startsWith("unreadable BibTeX entry");
        assertThat(paper(records.get(1)).doi()).isEqualTo("10.1000/xyz");
        assertThat(records.get(2)).isEqualTo(new ParsedRecord.Rejected(3, "noabs", "no abstract"));
    }

    @Test
    void notBibtexIsRefusedWhole() {
        assertThatThrownBy(() -> parse("TY  - JOUR\nER  - \n"))
                .isInstanceOf(RejectedFileException.class).hasMessageStartingWith("UNEXPECTED_CONTENT");
    }
}
