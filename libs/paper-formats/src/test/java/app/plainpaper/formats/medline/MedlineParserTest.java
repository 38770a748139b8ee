package app.plainpaper.formats.medline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class MedlineParserTest {

    private final MedlineParser parser = new MedlineParser();

    private List<ParsedRecord> parse(byte[] bytes) {
        return parser.parse(new ByteArrayInputStream(bytes));
    }

    static ParsedPaper paper(ParsedRecord r) {
        assertThat(r).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) r).paper();
    }

    @Test
    void biopythonResult2FourRecordsFieldByField() {
        List<ParsedRecord> records = parse(RealFiles.fixture(RealFiles.MEDLINE.get(0)));
        assertThat(records).hasSize(4).extracting(ParsedRecord::position).containsExactly(1, 2, 3, 4);

        ParsedPaper scop = paper(records.get(0));
        assertThat(scop.title()).isEqualTo("A high level interface to SCOP and ASTRAL implemented in python.");
        assertThat(scop.pmid()).isEqualTo("16403221");
        assertThat(scop.doi()).isEqualTo("10.1186/1471-2105-7-10");
        assertThat(scop.pmcid()).isEqualTo("PMC1373603");
        assertThat(scop.journal()).isEqualTo("BMC bioinformatics");
        assertThat(scop.publicationDate()).isEqualTo(new PublicationDate(2006, null, null));
        assertThat(scop.authors()).extracting(Author::familyName, Author::givenNames).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Casbon", "James A"), org.assertj.core.groups.Tuple.tuple("Crooks", "Gavin E"),
                org.assertj.core.groups.Tuple.tuple("Saqi", "Mansoor A S"));
        assertThat(scop.abstractSections()).extracting(AbstractSection::label).containsExactly("BACKGROUND", "RESULTS", "CONCLUSION");
        assertThat(scop.abstractSections().get(0).text()).startsWith("Benchmarking algorithms in structural bioinformatics often involves")
                .endsWith("construction of datasets from these resources.");
        assertThat(scop.publicationTypes()).containsExactly("Evaluation Studies", "Journal Article");
        assertThat(scop.meshTerms()).hasSize(9).doesNotContain("*").allSatisfy(t -> assertThat(t).doesNotContain("/", "*"));
        assertThat(scop.language()).isEqualTo("eng");

        ParsedPaper diagram = paper(records.get(1));
        assertThat(diagram.title()).isEqualTo("GenomeDiagram: a python package for the visualization of large-scale genomic data.");
        assertThat(diagram.publicationDate()).isEqualTo(new PublicationDate(2006, 3, 1));
        assertThat(diagram.journal()).isEqualTo("Bioinformatics (Oxford, England)");
        assertThat(diagram.abstractSections()).extracting(AbstractSection::label)
                .containsExactly("SUMMARY", "AVAILABILITY", "SUPPLEMENTARY INFORMATION");

        ParsedPaper clustering = paper(records.get(2));
        assertThat(clustering.authors().get(0).familyName()).isEqualTo("de Hoon");
        assertThat(clustering.authors().get(0).givenNames()).isEqualTo("M J L");
        assertThat(clustering.publicationDate()).isEqualTo(new PublicationDate(2004, 6, 12));

        ParsedPaper pdb = paper(records.get(3));
        assertThat(pdb.pmid()).isEqualTo("14630660");
        assertThat(pdb.doi()).isNull(); // the record has no [doi] id
        assertThat(pdb.abstractSections()).hasSize(1);
        assertThat(pdb.abstractSections().get(0).label()).isNull();
        assertThat(pdb.abstractSections().get(0).text()).startsWith("The biopython project provides a set of bioinformatics tools implemented in Python.");
    }

    @Test
    void biopythonResult3StructuredAbstractWithLeadingBlankLine() {
        ParsedPaper p = paper(parse(RealFiles.fixture(RealFiles.MEDLINE.get(1))).get(0));
        assertThat(p.pmid()).isEqualTo("23039619");
        assertThat(p.doi()).isEqualTo("10.1118/1.4748329");
        assertThat(p.title()).isEqualTo("Effects of different parameters in the fast scanning method for HIFU treatment.");
        assertThat(p.journal()).isEqualTo("Medical physics");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2012, 10, null));
        assertThat(p.authors()).extracting(Author::displayName).containsExactly("Shan Qiao", "Guofeng Shen", "Jingfeng Bai", "Yazhu Chen");
        assertThat(p.authors().get(0).affiliations()).hasSize(1);
        assertThat(p.abstractSections()).extracting(AbstractSection::label).containsExactly("PURPOSE", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(p.abstractSections().get(0).text()).isEqualTo("High-intensity focused ultrasound is a promising method for the"
                + " noninvasive treatment of benign and malignant tumors. This study analyzes the effects of scanning path, applied power,"
                + " and geometric characteristics of the transducer on ablation using fast scanning method, a new scanning method that"
                + " uses high-intensity focused ultrasound at different blood perfusion levels.");
        assertThat(p.abstractSections().get(1).text()).startsWith("Two transducers, six scanning paths, and three focal patterns were used to examine");
    }

    @Test
    void synthesisrExportFromSharedOnly() {
        byte[] file = RealFiles.shared("medline-nbib/synthesisr__tests_testthat_testdata_PubMed_example.txt", "GPL-3");
        List<ParsedRecord> records = parse(file);
        assertThat(records).hasSize(3);
        ParsedPaper first = paper(records.get(0));
        assertThat(first.pmid()).isEqualTo("28441597");
        assertThat(first.doi()).isEqualTo("10.1016/j.scitotenv.2017.04.075");
        assertThat(first.title()).isEqualTo("Differences in nitrate and phosphorus export between wooded and grassed riparian"
                + " zones from farmland to receiving waterways under varying rainfall conditions.");
        assertThat(first.journal()).isEqualTo("The Science of the total environment");
        assertThat(first.publicationDate()).isEqualTo(new PublicationDate(2017, 11, 15));
        assertThat(first.keywords()).contains("Buffer strips", "Water quality");
        // "the question remains: is woody ..." is prose, not a heading
        assertThat(first.abstractSections()).hasSize(1);
        ParsedPaper second = paper(records.get(1));
        assertThat(second.authors().get(0).orcid()).isEqualTo("0000-0002-5930-8785");
        assertThat(second.authors().get(5).familyName()).isEqualTo("Mahy");
        assertThat(second.authors().get(5).givenNames()).isEqualTo("Grégory");
        assertThat(second.keywords()).contains("Agri-environment Schemes").noneMatch(k -> k.startsWith("*"));
        assertThat(paper(records.get(2)).pmcid()).isEqualTo("PMC6022731");
    }

    @Test
    void retractedAndPreprintTypesAreFlaggedAndMissingAbstractIsRejected() {
        String text = "PMID- 1\nTI  - A retracted one.\nAB  - OBJECTIVE: x. METHODS: y.\nPT  - Journal Article\nPT  - Retracted Publication\n\n"
                + "PMID- 2\nTI  - A preprint.\nAB  - Text.\nPT  - Preprint\n\n"
                + "PMID- 3\nTI  - Erratum.\nPT  - Published Erratum\n";
        List<ParsedRecord> records = parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(paper(records.get(0)).retracted()).isTrue();
        assertThat(paper(records.get(0)).preprint()).isFalse();
        assertThat(paper(records.get(1)).preprint()).isTrue();
        assertThat(records.get(2)).isEqualTo(new ParsedRecord.Rejected(3, "3", "no abstract"));
    }

    @Test
    void notMedlineIsRefusedWhole() {
        assertThatThrownBy(() -> parse("just some prose\nwithout tags".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedFileException.class).hasMessageStartingWith("UNEXPECTED_CONTENT");
        assertThatThrownBy(() -> parse(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0}))
                .isInstanceOf(RejectedFileException.class).hasMessageStartingWith("NOT_TEXT");
    }
}
