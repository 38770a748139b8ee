package app.plainpaper.formats.pubmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RealFiles;
import app.plainpaper.formats.xml.RejectedXmlException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubmedXmlParserTest {

    private final PubmedXmlParser parser = new PubmedXmlParser();

    private List<ParsedRecord> parse(byte[] bytes) {
        return parser.parse(new ByteArrayInputStream(bytes));
    }

    private static ParsedPaper only(List<ParsedRecord> records) {
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) records.get(0)).paper();
    }

    @Test
    void biopythonPubmed4GutStructuredAbstract() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.PUBMED.get(0))));

        assertThat(p.title()).isEqualTo("Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.");
        assertThat(p.doi()).isEqualTo("10.1136/gutjnl-2016-312510");
        assertThat(p.pmid()).isEqualTo("27797938");
        assertThat(p.pmcid()).isEqualTo("PMC5442267");
        assertThat(p.journal()).isEqualTo("Gut");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2017, 6, null));
        assertThat(p.authors()).hasSize(22);
        assertThat(p.authors().get(0).displayName()).isEqualTo("Ying Bao");
        assertThat(p.authors().get(0).affiliations()).containsExactly(
                "Channing Division of Network Medicine, Department of Medicine, Brigham and Women's Hospital, and Harvard Medical School, Boston, Massachusetts, USA.");
        assertThat(p.authors().get(21).familyName()).isEqualTo("Wolpin");
        assertThat(p.authors().get(21).givenNames()).isEqualTo("Brian M");
        assertThat(p.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS");
        // <i>TERT</i> inside the abstract becomes plain text within the sentence
        assertThat(p.abstractSections().get(0).text()).startsWith("Telomere shortening occurs as an early event in pancreatic tumorigenesis")
                .contains("telomerase reverse transcriptase (TERT) gene region");
        assertThat(p.abstractSections().get(3).text()).isEqualTo(
                "Prediagnostic leucocyte telomere length and genetic variants at the TERT gene region were associated with risk of pancreatic cancer.");
        assertThat(p.keywords()).containsExactly("PANCREATIC CANCER");
        assertThat(p.meshTerms()).hasSize(21).contains("Adenocarcinoma", "Pancreatic Neoplasms");
        assertThat(p.publicationTypes()).containsExactly("Journal Article", "Observational Study",
                "Research Support, N.I.H., Extramural", "Research Support, U.S. Gov't, Non-P.H.S.",
                "Research Support, Non-U.S. Gov't");
        assertThat(p.language()).isEqualTo("eng");
        assertThat(p.retracted()).isFalse();
        assertThat(p.preprint()).isFalse();
        assertThat(p.abstractText()).startsWith("OBJECTIVE: Telomere shortening").contains("\n\nDESIGN: We measured");
    }

    @Test
    void biopythonPubmed5OccupEnvironMed() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.PUBMED.get(1))));

        assertThat(p.title()).isEqualTo("Occupational pesticide exposure and subclinical hypothyroidism among male pesticide applicators.");
        assertThat(p.doi()).isEqualTo("10.1136/oemed-2017-104431");
        assertThat(p.pmid()).isEqualTo("28775130");
        assertThat(p.journal()).isEqualTo("Occupational and environmental medicine");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2018, 2, null));
        assertThat(p.authors()).hasSize(12);
        assertThat(p.authors().get(1).familyName()).isEqualTo("Beane Freeman");
        assertThat(p.authors().get(2).affiliations()).containsExactly(
                "Division of Cancer Epidemiology and Genetics, National Cancer Institute, Rockville, Maryland, USA.",
                "Environmental Working Group, Washington, DC, USA.");
        assertThat(p.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("OBJECTIVES", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(p.keywords()).containsExactly("agriculture", "hypothyroidism", "pesticides", "thyroid disease",
                "thyroid stimulating hormone");
        assertThat(p.meshTerms()).isEmpty();
    }

    @Test
    void pubmedParserNejmAsthmaTrial() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.PUBMED.get(2))));

        assertThat(p.title()).isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
        assertThat(p.doi()).isEqualTo("10.1056/NEJMoa1715274");
        assertThat(p.pmid()).isEqualTo("29768149");
        assertThat(p.pmcid()).isNull();
        assertThat(p.journal()).isEqualTo("The New England journal of medicine");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2018, 5, 17));
        assertThat(p.authors()).extracting(ParsedPaper.Author::familyName).containsExactly("O'Byrne", "FitzGerald",
                "Bateman", "Barnes", "Zhong", "Keen", "Jorup", "Lamarca", "Ivanov", "Reddel");
        assertThat(p.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        // &#946; and <sub>2</sub> (on its own source line) come through as text
        assertThat(p.abstractSections().get(0).text()).isEqualTo(
                "In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting β 2-agonist may be an alternative to conventional treatment strategies.");
        assertThat(p.publicationTypes()).contains("Randomized Controlled Trial", "Clinical Trial, Phase III");
        assertThat(p.meshTerms()).hasSize(23);
    }

    @Test
    void pubmedWebExportWithFourArticles() {
        List<ParsedRecord> records = parse(RealFiles.shared("pubmed-efetch-xml/p1m-ortho_qm-replication-of-sr-searches__pubmed_result.xml"));

        assertThat(records).hasSize(4).allMatch(r -> r instanceof ParsedRecord.Paper);
        assertThat(records).extracting(ParsedRecord::position).containsExactly(1, 2, 3, 4);
        ParsedPaper first = ((ParsedRecord.Paper) records.get(0)).paper();
        assertThat(first.pmid()).isEqualTo("30107788");
        assertThat(first.doi()).isEqualTo("10.1186/s12874-018-0545-3");
        assertThat(first.publicationDate()).isEqualTo(new PublicationDate(2018, 8, 14)); // <Month>Aug</Month>
        // ORCID given as a URL in the file, kept as the bare identifier
        assertThat(first.authors().get(0).orcid()).isEqualTo("0000-0003-0864-5607");
        assertThat(records).extracting(r -> ((ParsedRecord.Paper) r).paper().pmid())
                .containsExactly("30107788", "29632448", "29632442", "28670216");
    }

    @Test
    void recordWithoutAbstractIsRejectedAndTheOthersGoThrough() {
        // Built from the real files: pubmed4's article, the same article without its abstract, pubmed5's article.
        String a = article(RealFiles.fixture(RealFiles.PUBMED.get(0)));
        String b = article(RealFiles.fixture(RealFiles.PUBMED.get(1)));
        String noAbstract = a.replaceAll("(?s)<Abstract>.*?</Abstract>", "");
        String set = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>" + a + noAbstract + b + "</PubmedArticleSet>";

        List<ParsedRecord> records = parse(set.getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Paper.class);
        assertThat(records.get(1)).isEqualTo(new ParsedRecord.Rejected(2, "27797938", "no abstract"));
        assertThat(((ParsedRecord.Paper) records.get(2)).paper().pmid()).isEqualTo("28775130");
    }

    @Test
    void bookArticleIsRejectedAndDeleteCitationIsNotARecord() {
        String a = article(RealFiles.fixture(RealFiles.PUBMED.get(0)));
        String set = "<PubmedArticleSet><PubmedBookArticle><BookDocument><PMID Version=\"1\">1</PMID></BookDocument></PubmedBookArticle>"
                + a + "<DeleteCitation><PMID Version=\"1\">2</PMID></DeleteCitation></PubmedArticleSet>";

        List<ParsedRecord> records = parse(set.getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isEqualTo(new ParsedRecord.Rejected(1, null, "not a journal article: PubmedBookArticle"));
        assertThat(((ParsedRecord.Paper) records.get(1)).paper().pmid()).isEqualTo("27797938");
    }

    @Test
    void retractedAndPreprintFlagsFollowThePublicationTypes() {
        String a = article(RealFiles.fixture(RealFiles.PUBMED.get(0)))
                .replace("<PublicationType UI=\"D064888\">Observational Study</PublicationType>",
                        "<PublicationType UI=\"D016441\">Retracted Publication</PublicationType><PublicationType UI=\"D000076942\">Preprint</PublicationType>");
        ParsedPaper p = only(parse(("<PubmedArticleSet>" + a + "</PubmedArticleSet>").getBytes(StandardCharsets.UTF_8)));

        assertThat(p.retracted()).isTrue();
        assertThat(p.preprint()).isTrue();
    }

    @Test
    void jatsFileIsNotPubmed() {
        assertThatThrownBy(() -> parse(RealFiles.fixture(RealFiles.JATS.get(1))))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedXmlException.Reason.UNEXPECTED_ROOT));
    }

    private static String article(byte[] file) {
        String xml = new String(file, StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf("<PubmedArticle>"), xml.indexOf("</PubmedArticle>") + "</PubmedArticle>".length());
    }
}
