package app.plainpaper.formats.crossref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RealFiles;
import app.plainpaper.formats.RejectedFileException;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrossrefWorkParserTest {

    private final CrossrefWorkParser parser = new CrossrefWorkParser();
    private static final String WORK = new String(RealFiles.fixture(RealFiles.CROSSREF), StandardCharsets.UTF_8);

    private List<ParsedRecord> parse(String json) {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ParsedPaper paper(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Paper.class);
        return ((ParsedRecord.Paper) record).paper();
    }

    @Test
    void commonmetaElifeWorkWithoutEnvelopeFieldByField() {
        List<ParsedRecord> records = parse(WORK);
        assertThat(records).hasSize(1);
        ParsedPaper p = paper(records.get(0));
        assertElife(p);
    }

    static void assertElife(ParsedPaper p) {
        assertThat(p.title()).isEqualTo("Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth");
        assertThat(p.doi()).isEqualTo("10.7554/elife.01567");
        assertThat(p.pmid()).isNull();
        assertThat(p.journal()).isEqualTo("eLife");
        assertThat(p.publicationDate()).isEqualTo(new PublicationDate(2014, 2, 11));
        assertThat(p.authors()).extracting(ParsedPaper.Author::displayName).containsExactly(
                "Martial Sankar", "Kaisa Nieminen", "Laura Ragni", "Ioannis Xenarios", "Christian S Hardtke");
        assertThat(p.authors().get(3).affiliations()).containsExactly("Vital-IT, Swiss Institute of Bioinformatics, Lausanne, Switzerland");
        assertThat(p.authors().get(0).affiliations()).containsExactly(
                "Department of Plant Molecular Biology, University of Lausanne, Lausanne, Switzerland");
        assertThat(p.licence()).isEqualTo("http://creativecommons.org/licenses/by/3.0/");
        assertThat(p.abstractSections()).hasSize(1);
        assertThat(p.abstractSections().get(0).label()).isNull();
        assertThat(p.abstractSections().get(0).text())
                .startsWith("Among various advantages, their small size makes model organisms preferred subjects of investigation.")
                .endsWith("for example equidistant phloem pole formation.")
                .doesNotContain("<", "jats:");
        assertThat(p.keywords()).containsExactly("General Immunology and Microbiology",
                "General Biochemistry, Genetics and Molecular Biology", "General Medicine", "General Neuroscience");
        assertThat(p.publicationTypes()).containsExactly("journal-article");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.retracted()).isFalse();
        assertThat(p.preprint()).isFalse();
    }

    @Test
    void theSameWorkInsideTheApiEnvelope() {
        ParsedPaper p = paper(parse("{\"status\":\"ok\",\"message-type\":\"work\",\"message-version\":\"1.0.0\",\"message\":"
                + WORK + "}").get(0));
        assertElife(p);
    }

    @Test
    void aWorkListKeepsPositionsAndRejectsARecordWithoutAbstract() {
        String noAbstract = WORK.replace("\"abstract\": ", "\"x-abstract\": ").replace("10.7554/elife.01567", "10.7554/elife.99999");
        List<ParsedRecord> records = parse("{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"total-results\":2,"
                + "\"items\":[" + noAbstract + "," + WORK + "]}}");
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isEqualTo(new ParsedRecord.Rejected(1, "10.7554/elife.99999", "no abstract"));
        assertThat(records.get(1).position()).isEqualTo(2);
        assertElife(paper(records.get(1)));
    }

    @Test
    void postedContentIsAPreprintAndARetractionUpdateFlagsRetracted() {
        String preprint = WORK.replace("\"type\": \"journal-article\"", "\"type\":\"posted-content\",\"subtype\":\"preprint\"");
        assertThat(preprint).isNotEqualTo(WORK);
        assertThat(paper(parse(preprint).get(0)).preprint()).isTrue();

        String retracted = WORK.replaceFirst("\\{", "{\"update-to\":[{\"updated\":{\"date-parts\":[[2015,1,1]]},"
                + "\"DOI\":\"10.7554/elife.01567\",\"type\":\"retraction\",\"label\":\"Retraction\"}],");
        assertThat(paper(parse(retracted).get(0)).retracted()).isTrue();
        String corrected = retracted.replace("\"type\":\"retraction\"", "\"type\":\"correction\"");
        assertThat(paper(parse(corrected).get(0)).retracted()).isFalse();
    }

    @Test
    void orcidUrlsBecomeBareIdsAndAnOrganisationIsACollectiveAuthor() {
        String withOrcid = WORK.replace("\"given\": \"Martial\"", "\"ORCID\":\"http://orcid.org/0000-0002-1825-009x\",\"given\":\"Martial\"")
                .replace("\"author\": [", "\"author\":[{\"name\":\"SCI Trials Group\",\"sequence\":\"additional\",\"affiliation\":[]},");
        ParsedPaper p = paper(parse(withOrcid).get(0));
        assertThat(p.authors().get(0).collectiveName()).isEqualTo("SCI Trials Group");
        assertThat(p.authors().get(1).orcid()).isEqualTo("0000-0002-1825-009X");
    }

    @Test
    void structuredJatsAbstractBecomesLabelledSections() {
        String json = "{\"DOI\":\"10.1/x\",\"title\":[\"T\"],\"abstract\":\"<jats:title>Abstract</jats:title>"
                + "<jats:sec><jats:title>Background</jats:title><jats:p>Spinal cord injury <jats:italic>hurts</jats:italic>.</jats:p></jats:sec>"
                + "<jats:sec><jats:title>Methods</jats:title><jats:p>We &amp; they &#8805; 2.</jats:p></jats:sec>\"}";
        assertThat(paper(parse(json).get(0)).abstractSections()).containsExactly(
                new AbstractSection("Background", "Spinal cord injury hurts."),
                new AbstractSection("Methods", "We & they \u2265 2."));
    }

    @Test
    void hostileAbstractsAreNeverResolvedAndKeepOnlyText() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
            String doctype = "<!DOCTYPE a [<!ENTITY e SYSTEM \\\"" + url + "\\\">]><jats:p>&e; text</jats:p>";
            String xinclude = "<jats:p xmlns:xi=\\\"http://www.w3.org/2001/XInclude\\\"><xi:include href=\\\"" + url + "\\\"/>Kept.</jats:p>";
            String html = "<p>Bad&nbsp;HTML <b>unclosed</p>";
            for (String abs : List.of(doctype, xinclude, html)) {
                List<ParsedRecord> records = parse("{\"DOI\":\"10.1/x\",\"title\":[\"T\"],\"abstract\":\"" + abs + "\"}");
                assertThat(records).hasSize(1);
                ParsedPaper p = paper(records.get(0));
                assertThat(p.abstractText()).doesNotContain("<", "ENTITY");
            }
            assertThat(paper(parse("{\"DOI\":\"10.1/x\",\"title\":[\"T\"],\"abstract\":\"" + html + "\"}").get(0)).abstractText())
                    .isEqualTo("Bad HTML unclosed");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void notJsonOrNotAWorkIsRefusedWhole() {
        assertThatThrownBy(() -> parse(WORK.substring(0, WORK.length() / 2)))
                .isInstanceOf(RejectedFileException.class).extracting(e -> ((RejectedFileException) e).code()).isEqualTo("MALFORMED");
        assertThatThrownBy(() -> parse("{\"status\":\"ok\",\"message\":{\"facets\":{}}}"))
                .isInstanceOf(RejectedFileException.class).extracting(e -> ((RejectedFileException) e).code()).isEqualTo("UNEXPECTED_ROOT");
        assertThatThrownBy(() -> parse("[".repeat(5000)))
                .isInstanceOf(RejectedFileException.class);
    }
}
