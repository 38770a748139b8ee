package app.plainpaper.ingestion.api;

import app.plainpaper.ingestion.IngestedTopic;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fixed ingestion interface, over real HTTP, on a real broker with our real registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaperApiTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @Value("${local.server.port}")
    int port;

    HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/papers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewPaperIsCreatedOnceAndEmittedAsIngested() throws Exception {
        String doi = "10.1155/2022/" + UUID.randomUUID().toString().substring(0, 8);
        String paper = """
                {"id": "reference", "title": "Study on pain and cytokines", "journal": "Pain Research and Management",
                 "year": 2022, "doi": "%s", "pmid": null,
                 "sections": [{"label": "Methods", "text": "We recruited 30 patients."}, {"label": "Results", "text": "Pain improved."}],
                 "authors": ["Yaling Lou"], "published": "2022-07-08"}
                """.formatted("https://doi.org/" + doi.toUpperCase());

        var created = post(paper);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).startsWith("{\"summaryId\":\"");
        String summaryId = created.body().replaceAll(".*\"summaryId\":\"([^\"]+)\".*", "$1");

        var again = post(paper.replace("\"year\": 2022", "\"year\": 2022, \"source\": \"another system\""));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(summaryId);

        List<SummaryEvent> events = IngestedTopic.eventsOf(BED, summaryId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getState()).isEqualTo(WorkflowState.INGESTED);
            assertThat(event.getSequence()).isEqualTo(1);
            assertThat(event.getPaper().getDoi()).isEqualTo(doi);
            assertThat(event.getPaper().getAbstractSections()).extracting(s -> s.getLabel()).containsExactly("Methods", "Results");
            assertThat(event.getPaper().getPublicationDate()).hasToString("2022-07-08");
            assertThat(event.getCorrelationId()).isEqualTo(event.getEventId());
        });
    }

    @Test
    void theSamePaperByPmidGivesTheSameSummary() throws Exception {
        String pmid = String.valueOf(30_000_000 + (int) (Math.random() * 1_000_000));
        var first = post("{\"title\": \"A\", \"pmid\": \"" + pmid + "\", \"abstract_text\": \"Something was studied.\"}");
        var second = post("{\"title\": \"A (again)\", \"pmid\": \"" + pmid + "\", \"abstract_text\": \"Something was studied.\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void anInvalidPaperGetsAProblemDetailListingEveryProblem() throws Exception {
        var response = post("{\"title\": \"\", \"doi\": \"nonsense\", \"pmid\": \"12x\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Invalid paper\"", "title is required", "pmid must be numeric",
                "not a DOI", "no abstract");
    }

    @Test
    void malformedJsonIsAClientError() throws Exception {
        var response = post("{\"title\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void healthCoversKafkaAndTheRegistryAndMetricsAreExposedForPrometheus() throws Exception {
        var health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        var components = tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body()).get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("schemaRegistry").get("status").asString()).isEqualTo("UP");
        post("{\"title\": \"Metrics\", \"pmid\": \"1\", \"abstract_text\": \"Counted.\"}");
        var metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count", "uri=\"/api/papers\"", "kafka_producer");
    }

}
