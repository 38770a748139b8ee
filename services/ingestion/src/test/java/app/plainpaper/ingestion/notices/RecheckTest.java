package app.plainpaper.ingestion.notices;

import app.plainpaper.events.NoticeKind;
import app.plainpaper.events.PaperNotice;
import app.plainpaper.ingestion.IngestionApplication;
import app.plainpaper.ingestion.NoticesTopic;
import app.plainpaper.ingestion.lookup.SourceStub;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-check for retractions and errata on the real broker, against the Crossref and E-utilities stub: papers are
 * looked up, then the sources report a retraction (PubMed RetractionIn), a correction (Crossref update-to) and a
 * retraction from both sources at once. Each becomes one notice; a second run, and a run after a restart (state rebuilt
 * from paper.notices), adds none.
 */
class RecheckTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final SourceStub STUB = new SourceStub();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FILE = "/lookup/biopython__Tests_Entrez_pubmed5.xml";

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IngestionApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + BED.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + BED.registryUrl(),
                "--plainpaper.ingestion.crossref.base-url=" + STUB.crossrefBaseUrl(),
                "--plainpaper.ingestion.crossref.requests-per-second=50",
                "--plainpaper.ingestion.ncbi.base-url=" + STUB.ncbiBaseUrl(),
                "--plainpaper.ingestion.contact-email=editors@example.org",
                "--plainpaper.ingestion.searches.scheduled=false",
                "--plainpaper.ingestion.recheck.scheduled=false");
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void newRetractionsAndErrataBecomeOneNoticeEachAndAreNotRepeatedAfterARestart() throws Exception {
        String retractedPmid = freshPmid();
        String correctedDoi = freshDoi();
        String bothDoi = freshDoi();
        String bothPmid = freshPmid();
        String flaggedPmid = freshPmid();
        String retractedDoi = freshDoi();
        STUB.pubmedArticle(FILE, retractedPmid, retractedDoi, UnaryOperator.identity());
        STUB.pubmedArticle(FILE, freshPmid(), correctedDoi, UnaryOperator.identity());
        STUB.pubmedArticle(FILE, bothPmid, bothDoi, UnaryOperator.identity());
        STUB.pubmedArticle(FILE, flaggedPmid, freshDoi(), RecheckTest::typedRetracted);
        String retracted;
        String corrected;
        String both;
        String flagged;
        try (var app = start()) {
            retracted = lookup(app, "pmid", retractedPmid);
            corrected = lookup(app, "doi", correctedDoi);
            both = lookup(app, "pmid", bothPmid);
            flagged = lookup(app, "pmid", flaggedPmid);
            assertThat(recheck(app).get("failures")).isEmpty();
            assertThat(NoticesTopic.noticesOf(BED, flagged)).as("already flagged retracted on its ingested event").isEmpty();
            assertThat(NoticesTopic.noticesOf(BED, retracted)).isEmpty();

            // The sources learn about a retraction, a correction, and a retraction both report.
            STUB.pubmedArticle(FILE, retractedPmid, retractedDoi, xml -> xml.replaceFirst("<CommentsCorrectionsList>",
                    "<CommentsCorrectionsList><CommentsCorrections RefType=\"RetractionIn\"><RefSource>Occup Environ Med. 2026 Jan;83(1):1</RefSource>"
                            + "<PMID Version=\"1\">99999001</PMID></CommentsCorrections>"));
            STUB.crossrefUpdates(correctedDoi, workList("10.5555/correction." + correctedDoi.hashCode(), "Correction: Shift work and health", correctedDoi, "correction"));
            STUB.pubmedArticle(FILE, bothPmid, bothDoi, RecheckTest::typedRetracted);
            STUB.crossrefUpdates(bothDoi, workList("10.5555/retraction." + bothDoi.hashCode(), "Retraction notice", bothDoi, "retraction"));

            JsonNode report = recheck(app);
            assertThat(report.get("notices").asInt()).as(report.toString()).isGreaterThanOrEqualTo(3);
            assertThat(report.get("failures")).isEmpty();

            PaperNotice retraction = only(NoticesTopic.noticesOf(BED, retracted));
            assertThat(retraction.getKind()).isEqualTo(NoticeKind.RETRACTED);
            assertThat(retraction.getPaper().getRetracted()).isTrue();
            assertThat(retraction.getPaper().getPmid()).isEqualTo(retractedPmid);
            assertThat(retraction.getDetail()).contains("Retraction in PubMed", "PMID 99999001");
            assertThat(retraction.getSource()).isEqualTo("pubmed");

            PaperNotice erratum = only(NoticesTopic.noticesOf(BED, corrected));
            assertThat(erratum.getKind()).isEqualTo(NoticeKind.ERRATUM);
            assertThat(erratum.getDetail()).contains("Correction: Shift work and health");
            assertThat(erratum.getPaper().getRetracted()).isFalse();
            assertThat(erratum.getSource()).isEqualTo("crossref");

            assertThat(only(NoticesTopic.noticesOf(BED, both)).getKind()).isEqualTo(NoticeKind.RETRACTED);
            assertThat(NoticesTopic.noticesOf(BED, flagged)).isEmpty();

            assertThat(recheck(app).get("noticed")).as("nothing new on the next run").isEmpty();
        }
        try (var app = start()) {
            assertThat(recheck(app).get("noticed")).as("nothing new after a restart").isEmpty();
        }
        assertThat(NoticesTopic.noticesOf(BED, retracted)).hasSize(1);
        assertThat(NoticesTopic.noticesOf(BED, corrected)).hasSize(1);
        assertThat(NoticesTopic.noticesOf(BED, both)).hasSize(1);
    }

    /** The real record with the publication type PubMed gives a retracted paper. */
    static String typedRetracted(String xml) {
        return xml.replaceFirst("<PublicationTypeList>",
                "<PublicationTypeList><PublicationType UI=\"D016441\">Retracted Publication</PublicationType>");
    }

    /** The shape of Crossref's /works?filter=updates: answer, reduced to the fields the check reads. */
    static String workList(String noticeDoi, String title, String updatedDoi, String type) {
        return "{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"total-results\":1,\"items\":[{\"DOI\":\""
                + noticeDoi + "\",\"type\":\"journal-article\",\"title\":[\"" + title + "\"],\"update-to\":[{\"updated\":"
                + "{\"date-parts\":[[2026,11,1]]},\"DOI\":\"" + updatedDoi + "\",\"type\":\"" + type + "\",\"label\":\""
                + type + "\"}]}]}}";
    }

    private static String lookup(ConfigurableApplicationContext app, String field, String value) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/papers/lookup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"" + field + "\": \"" + value + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("summaryId").asString();
    }

    private static JsonNode recheck(ConfigurableApplicationContext app) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/rechecks"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    static String freshPmid() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(70_000_000, 79_999_999));
    }

    static String freshDoi() {
        return "10.5555/plainpaper-recheck." + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }
}
