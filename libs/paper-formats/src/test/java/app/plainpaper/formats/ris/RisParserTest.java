package app.plainpaper.formats.ris;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisParserTest {

    private final RisParser parser = new RisParser();

    private List<ParsedRecord> parse(byte[] bytes) {
        return parser.parse(new ByteArrayInputStream(bytes));
    }

    private static ParsedPaper paper(ParsedRecord r) {
        assertThat(r).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) r).paper();
    }

    @Test
    void zoteroExportSixRecords() {
        List<ParsedRecord> records = parse(RealFiles.fixture(RealFiles.RIS.get(0)));
        assertThat(records).hasSize(6).allMatch(r -> r instanceof ParsedRecord.Paper);
        ParsedPaper p = paper(records.get(0));
        assertThat(p.title()).isEqualTo("The importance of cognitive flexibility and flexibility in coping with stress for the quality of"
                + " life in inflammatory bowel disease patients during biological therapy. A preliminary report.");
        assertThat(p.doi()).isEqualTo("10.5114/pg.2018.81081");
        assertThat(p.journal()).isEqualTo("Przeglad gastroenterologiczny");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2019, null, null));
        assertThat(p.authors()).extracting(Author::familyName, Author::givenNames).containsExactly(
                tuple("Rudnik", "Agata"), tuple("Piotrowicz", "Grazyna"), tuple("Basinska", "Malgorzata A."), tuple("Rashedi", "Vahid"));
        assertThat(p.abstractSections()).extracting(AbstractSection::label).containsExactly("Introduction", "Aim", "Results", "Conclusions");
        assertThat(p.abstractSections().get(0).text()).startsWith("There are studies demonstrating the relation between psychological factors");
        assertThat(p.keywords()).containsExactly("biological treatment", "Crohn's disease", "mindfulness", "quality of life", "ulcerative colitis");
        assertThat(p.language()).isEqualTo("eng");

        ParsedPaper obese = paper(records.get(1));
        assertThat(obese.publicationDate()).isEqualTo(new PublicationDate(2019, 10, null)); // DA 2019/10//undefined
        assertThat(obese.authors().get(2).familyName()).isEqualTo("Slesser");
        assertThat(obese.authors().get(2).givenNames()).isEqualTo("A. A. P.");
        assertThat(obese.abstractSections()).extracting(AbstractSection::label).startsWith("BACKGROUND", "METHODS", "RESULTS");
        assertThat(paper(records.get(4)).publicationDate()).isEqualTo(new PublicationDate(2019, 7, 2)); // DA 2019/07/02/
    }

    @Test
    void embaseExportWithBomAndPmidInC5() {
        byte[] file = RealFiles.fixture(RealFiles.RIS.get(1));
        assertThat(file[0] & 0xFF).isEqualTo(0xEF); // the real file starts with a UTF-8 BOM
        List<ParsedRecord> records = parse(file);
        assertThat(records).hasSize(6);
        ParsedPaper first = paper(records.get(0));
        assertThat(first.title()).isEqualTo("Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound");
        assertThat(first.doi()).isEqualTo("10.4103/2303-9027.138783");
        assertThat(first.pmid()).isNull();
        assertThat(first.journal()).isEqualTo("Endoscopic Ultrasound");
        assertThat(first.publicationDate()).isEqualTo(new PublicationDate(2014, null, null));
        assertThat(first.authors()).extracting(Author::familyName, Author::givenNames)
                .containsExactly(tuple("Liu", "R."), tuple("Adler", "D.G."));
        assertThat(first.abstractSections().get(0).text()).startsWith("Gastrointestinal tract duplication cysts are rare congenital");
        assertThat(first.publicationTypes()).containsExactly("Article");
        assertThat(first.language()).isEqualTo("English");

        ParsedPaper second = paper(records.get(1));
        assertThat(second.pmid()).isEqualTo("15368318");
        assertThat(second.doi()).isEqualTo("10.1002/cncr.20369");
        // Embase's "BACKGROUND. ... METHODS. ..." headings, while "EUS-FNA." inside the text is no heading
        assertThat(second.abstractSections()).extracting(AbstractSection::label).containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(paper(records.get(3)).publicationTypes()).containsExactly("Review");
    }

    @Test
    void endnoteExportWithLeadingBlankLineAndContinuationLines() {
        byte[] file = RealFiles.fixture(RealFiles.RIS.get(2));
        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("\n"); // the real file opens with a blank line
        List<ParsedRecord> records = parse(file);
        assertThat(records).hasSize(6);
        ParsedPaper p = paper(records.get(0));
        assertThat(p.title()).isEqualTo("Boswellia serrata: an overall assessment of in vitro, preclinical, pharmacokinetic and clinical data");
        assertThat(p.pmid()).isEqualTo("21553931"); // AN with DP NLM
        assertThat(p.doi()).isEqualTo("10.2165/11586800-000000000-00000");
        assertThat(p.journal()).isEqualTo("Clin Pharmacokinet");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2011, 6, null)); // PY 2011, DA Jun
        assertThat(p.authors()).extracting(Author::displayName).containsExactly("M. Abdel-Tawab", "O. Werz", "M. Schubert-Zsilavecz");
        // untagged continuation lines under KW are further keywords
        assertThat(p.keywords()).hasSize(10).startsWith("Animals", "Anti-Inflammatory Agents/adverse effects/pharmacokinetics/*pharmacology")
                .endsWith("Plant Extracts/adverse effects/pharmacokinetics/*pharmacology");
        ParsedPaper terminalia = paper(records.get(3));
        assertThat(terminalia.publicationDate()).isEqualTo(new PublicationDate(2016, 11, 4)); // DA Nov 4
        assertThat(terminalia.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("ETHNOPHARMOCOLOGICAL RELEVANCE", "MATERIALS AND METHODS", "RESULTS", "CONCLUSION");
    }

    @Test
    void commonmetaRisOfTheElifePaper() {
        ParsedPaper p = paper(parse(RealFiles.fixture(RealFiles.RIS.get(3))).get(0));
        assertThat(p.title()).isEqualTo("Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth");
        assertThat(p.doi()).isEqualTo("10.7554/elife.01567"); // DO 10.7554/eLife.01567, lower-cased
        assertThat(p.journal()).isEqualTo("eLife");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2014, null, null));
        assertThat(p.authors()).extracting(Author::displayName).containsExactly(
                "Martial Sankar", "Kaisa Nieminen", "Laura Ragni", "Ioannis Xenarios", "Christian S Hardtke");
        assertThat(p.abstractText()).startsWith("Among various advantages, their small size makes model organisms preferred subjects");
    }

    @Test
    void aBrokenRecordIsRejectedAloneAndAMissingAbstractIsNamed() {
        String ris = "TY  - JOUR\r\nTI  - Good one\r\nAB  - Text.\r\nDO  - https://doi.org/10.1000/ABC\r\nER  - \r\n"
                + "TY  - JOUR\r\nTI  - No abstract\r\nDO  - 10.1000/x\r\nER  - \r\n"
                + "TY  - JOUR\r\nAB  - no title here\r\nER  - \r\n"
                + "TY  - JOUR\r\nTI  - Bad \uFFFD bytes\r\nAB  - Text.\r\nER  - \r\n";
        List<ParsedRecord> records = parse(ris.getBytes(StandardCharsets.UTF_8));
        assertThat(paper(records.get(0)).doi()).isEqualTo("10.1000/abc");
        assertThat(records.subList(1, 4)).containsExactly(
                new ParsedRecord.Rejected(2, "10.1000/x", "no abstract"),
                new ParsedRecord.Rejected(3, null, "no title"),
                new ParsedRecord.Rejected(4, null, "invalid UTF-8 bytes (wrong encoding?)"));
    }

    @Test
    void aLegacyWindows1252ExportIsReadAsSuch() {
        byte[] latin = "TY  - JOUR\nTI  - Gr\u00e9gory's study\nAB  - Text.\nER  - \n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(paper(parse(latin).get(0)).title()).isEqualTo("Gr\u00e9gory's study");
    }

    @Test
    void notRisIsRefusedWhole() {
        assertThatThrownBy(() -> parse("@article{x, title={y}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedFileException.class).hasMessageStartingWith("UNEXPECTED_CONTENT");
    }
}
