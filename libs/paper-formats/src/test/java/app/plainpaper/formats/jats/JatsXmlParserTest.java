package app.plainpaper.formats.jats;

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

class JatsXmlParserTest {

    private final JatsXmlParser parser = new JatsXmlParser();

    private List<ParsedRecord> parse(byte[] bytes) {
        return parser.parse(new ByteArrayInputStream(bytes));
    }

    private static ParsedPaper only(List<ParsedRecord> records) {
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) records.get(0)).paper();
    }

    @Test
    void pmcArticlesetCorrectionNoticeIsRejectedForNoAbstract() {
        List<ParsedRecord> records = parse(RealFiles.fixture(RealFiles.JATS.get(0)));

        assertThat(records).containsExactly(new ParsedRecord.Rejected(1, "10.1183/23120541.50193-2021", "no abstract"));
    }

    @Test
    void bmcOralHealthStructuredAbstractInSections() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.JATS.get(1))));

        assertThat(p.title()).isEqualTo("The Dutch version of the Oral Health Impact Profile (OHIP-NL): Translation, reliability and construct validity");
        assertThat(p.doi()).isEqualTo("10.1186/1472-6831-8-11");
        assertThat(p.pmid()).isEqualTo("18405359");
        assertThat(p.pmcid()).isEqualTo("PMC2329613");
        assertThat(p.journal()).isEqualTo("BMC Oral Health");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2008, 4, 11)); // epub date
        assertThat(p.authors()).extracting(ParsedPaper.Author::displayName)
                .containsExactly("Marylee J van der Meulen", "Mike T John", "Machiel Naeije", "Frank Lobbezoo");
        // affiliations resolved through xref rid, without their "1"/"2" labels
        assertThat(p.authors().get(0).affiliations()).containsExactly(
                "Department of Oral Function, Academic Centre for Dentistry Amsterdam (ACTA), Louwesweg 1, 1066 EA, Amsterdam, The Netherlands",
                "Centre for Special Dental Care (SBT), Amsterdam, The Netherlands");
        assertThat(p.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("Background", "Methods", "Results", "Conclusion");
        assertThat(p.abstractSections().get(0).text()).isEqualTo(
                "The purpose of this study was to make a cross-culturally adapted, Dutch version of the Oral Health Impact Profile (OHIP), a 49-item questionnaire measuring oral health-related quality of life, and to examine its psychometric properties.");
        assertThat(p.licence()).isEqualTo("http://creativecommons.org/licenses/by/2.0");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.authorSummary()).isNull();
    }

    @Test
    void plosNtdAbstractAndAuthorSummary() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.JATS.get(2))));

        assertThat(p.title()).isEqualTo("Serological Evidence of Rift Valley Fever Virus Circulation in Sheep and Goats in Zambézia Province, Mozambique");
        assertThat(p.doi()).isEqualTo("10.1371/journal.pntd.0002065");
        assertThat(p.pmid()).isEqualTo("23469300");
        assertThat(p.pmcid()).isEqualTo("PMC3585041");
        assertThat(p.journal()).isEqualTo("PLoS Neglected Tropical Diseases");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2013, 2, 28));
        // the editor contrib-group is not an author
        assertThat(p.authors()).extracting(ParsedPaper.Author::familyName)
                .containsExactly("Fafetine", "Neves", "Thompson", "Paweska", "Rutten", "Coetzer");
        assertThat(p.authors().get(0).givenNames()).isEqualTo("José");
        assertThat(p.abstractSections()).hasSize(1);
        assertThat(p.abstractSections().get(0).label()).isNull();
        assertThat(p.abstractSections().get(0).text())
                .startsWith("Rift Valley fever (RVF) is endemic in most parts of Africa")
                .contains("(OR = 7.3; p<0.001)")
                .endsWith("RVFV circulates sub-clinically in domestic small ruminants in Zambézia Province.");
        assertThat(p.authorSummary())
                .startsWith("Rift Valley fever (RVF) is a mosquito-borne disease")
                .doesNotContain("Author Summary")
                .endsWith("during the inter-epidemic periods.");
        assertThat(p.licence()).startsWith("This is an open-access article distributed under the terms of the Creative Commons Attribution License");
    }

    @Test
    void plosOneUnstructuredAbstractWithItalics() {
        ParsedPaper p = only(parse(RealFiles.fixture(RealFiles.JATS.get(3))));

        assertThat(p.title()).isEqualTo("MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic Enzymes Belonging to the Hormone-Sensitive Lipase Family and Alters Mycobacterial Growth");
        assertThat(p.doi()).isEqualTo("10.1371/journal.pone.0046493");
        assertThat(p.pmid()).isEqualTo("23029536");
        assertThat(p.pmcid()).isEqualTo("PMC3460867");
        assertThat(p.journal()).isEqualTo("PLoS ONE");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2012, 9, 28));
        assertThat(p.authors()).hasSize(9);
        assertThat(p.authors().get(8).displayName()).isEqualTo("Stéphane Canaan");
        assertThat(p.authors().get(0).affiliations()).hasSize(2);
        assertThat(p.abstractSections()).hasSize(1);
        assertThat(p.abstractSections().get(0).text())
                .startsWith("Lipid metabolism plays an important role during the lifetime of Mycobacterium tuberculosis, the causative agent of tuberculosis.");
    }

    @Test
    void articlesetWithSeveralArticlesKeepsPositions() {
        // Real articles wrapped the way EFetch db=pmc wraps them: the correction notice, then two PLOS articles.
        String set = "<pmc-articleset>" + article(RealFiles.JATS.get(0)) + article(RealFiles.JATS.get(2))
                + article(RealFiles.JATS.get(3)) + "</pmc-articleset>";

        List<ParsedRecord> records = parse(set.getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(((ParsedRecord.Rejected) records.get(0)).reason()).isEqualTo("no abstract");
        assertThat(records.subList(1, 3)).extracting(r -> ((ParsedRecord.Paper) r).paper().pmid())
                .containsExactly("23469300", "23029536");
        assertThat(records).extracting(ParsedRecord::position).containsExactly(1, 2, 3);
    }

    @Test
    void abstractMarkupBecomesPlainTextKeepingParagraphsAndListItems() {
        // The real BMC article with a lead paragraph and a list added to its structured abstract.
        String xml = new String(RealFiles.fixture(RealFiles.JATS.get(1)), StandardCharsets.UTF_8)
                .replace("<abstract><sec>", "<abstract><p>A lead with <italic>italics</italic>.</p><sec>")
                .replace("quality of life.</p></sec></abstract>",
                        "quality of life.</p><list><list-item><p>first point</p></list-item><list-item><p>second <bold>point</bold></p></list-item></list></sec></abstract>");

        ParsedPaper p = only(parse(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(p.abstractSections()).extracting(AbstractSection::label)
                .containsExactly(null, "Background", "Methods", "Results", "Conclusion");
        assertThat(p.abstractSections().get(0).text()).isEqualTo("A lead with italics.");
        assertThat(p.abstractSections().get(4).text()).isEqualTo(
                "In conclusion: the OHIP-NL can be considered a reliable and valid instrument to measure oral health-related quality of life."
                        + "\n\n- first point\n\n- second point");
    }

    @Test
    void pubmedFileIsNotJats() {
        assertThatThrownBy(() -> parse(RealFiles.fixture(RealFiles.PUBMED.get(0))))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedXmlException.Reason.UNEXPECTED_ROOT));
    }

    private static String article(String name) {
        String xml = new String(RealFiles.fixture(name), StandardCharsets.UTF_8);
        int start = xml.indexOf("<article ");
        return xml.substring(start, xml.lastIndexOf("</article>") + "</article>".length());
    }
}
