package app.plainpaper.accuracy.kafka;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.NoticeKind;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperNotice;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Publication;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.SummarySnapshots;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unpublishing and retraction notices through the review workflow on a real broker and registry. */
@SpringBootTest
class WithdrawalFlowTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final KafkaConsumer<String, Object> OUTPUT = new KafkaConsumer<>(BED.avroConsumer());

    static {
        OUTPUT.subscribe(List.of(Topics.UNPUBLISHED, Topics.RETRACTED, Topics.DECISION_REFUSED));
    }

    final List<SummaryEvent> seen = new ArrayList<>();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @AfterAll
    static void close() {
        OUTPUT.close();
    }

    @Autowired
    SummarySnapshots snapshots;

    @Test
    void anEditorUnpublishesAPublishedSummaryAndAClinicianCannot() throws Exception {
        String id = "unpub-" + UUID.randomUUID();
        publishedAndKnown(id);

        send(Topics.COMMANDS, id, command(id, Role.CLINICAL_REVIEWER, "casey", "I don't like it"));
        SummaryEvent refused = awaitOutput(id, EventType.DECISION_REFUSED);
        assertThat(refused.getReason()).isEqualTo("Only an editor or an admin may unpublish a summary.");

        send(Topics.COMMANDS, id, command(id, Role.EDITOR, "erin", "Duplicate of another summary"));
        SummaryEvent unpublished = awaitOutput(id, EventType.UNPUBLISHED);
        assertThat(unpublished.getState()).isEqualTo(WorkflowState.UNPUBLISHED);
        assertThat(unpublished.getReason()).isEqualTo("Unpublished by erin: Duplicate of another summary");
        assertThat(unpublished.getPublication().getSlug()).isEqualTo("slug-" + id.substring(6, 14));
        assertThat(unpublished.getSequence()).isEqualTo(13);
    }

    @Test
    void aRetractionNoticeRetractsAPublishedSummaryOnce() throws Exception {
        String id = "retr-" + UUID.randomUUID();
        SummaryEvent published = publishedAndKnown(id);
        PaperNotice notice = PaperNotice.newBuilder().setNoticeId("retraction-" + id).setSummaryId(id)
                .setKind(NoticeKind.RETRACTED).setPaper(Paper.newBuilder(published.getPaper()).setRetracted(true).build())
                .setDetail("Retraction: 10.1155/2023/9999999").setSource("crossref").setNoticedAt(NOW).build();
        send(Topics.PAPER_NOTICES, id, notice);
        SummaryEvent retracted = awaitOutput(id, EventType.RETRACTED);
        assertThat(retracted.getState()).isEqualTo(WorkflowState.RETRACTED);
        assertThat(retracted.getPaper().getRetracted()).isTrue();
        assertThat(retracted.getReason()).isEqualTo("The paper was retracted (Retraction: 10.1155/2023/9999999), found by crossref.");
        assertThat(retracted.getPublication()).isEqualTo(published.getPublication());

        // The same notice again, then an erratum (not the workflow's), then a command that answers: still one retraction.
        send(Topics.PAPER_NOTICES, id, notice);
        send(Topics.PAPER_NOTICES, id, PaperNotice.newBuilder(notice).setNoticeId("erratum-" + id).setKind(NoticeKind.ERRATUM).build());
        send(Topics.COMMANDS, id, command(id, Role.EDITOR, "erin", null));
        awaitOutput(id, EventType.DECISION_REFUSED);
        assertThat(seen.stream().filter(e -> e.getSummaryId().equals(id) && e.getType() == EventType.RETRACTED)).hasSize(1);
    }

    SummaryEvent publishedAndKnown(String id) throws Exception {
        SummaryEvent published = published(id);
        send(Topics.PUBLISHED, id, published);
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.current(id).isPresent());
        return published;
    }

    SummaryEvent awaitOutput(String id, EventType type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            OUTPUT.poll(Duration.ofMillis(200)).forEach(r -> seen.add((SummaryEvent) r.value()));
            return seen.stream().anyMatch(e -> e.getSummaryId().equals(id) && e.getType() == type);
        });
        return seen.stream().filter(e -> e.getSummaryId().equals(id) && e.getType() == type).reduce((a, b) -> b).orElseThrow();
    }

    static void send(String topic, String key, Object value) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(BED.avroProducer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static EditorialCommand command(String id, Role role, String user, String comment) {
        return EditorialCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setSummaryId(id).setRevision(2)
                .setAction(DecisionAction.UNPUBLISH).setActor(Actor.newBuilder().setId(user).setRole(role).build())
                .setComment(comment).setIssuedAt(NOW).build();
    }

    static SummaryEvent published(String id) {
        Actor system = Actor.newBuilder().setId("publishing").setRole(Role.SYSTEM).build();
        String slug = "slug-" + id.substring(6, 14);
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setSummaryId(id).setSequence(12).setRevision(2)
                .setType(EventType.PUBLISHED).setState(WorkflowState.PUBLISHED).setOccurredAt(NOW)
                .setActor(system).setCorrelationId("c-" + id)
                .setPaper(Paper.newBuilder().setTitle("Pain and cytokines")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText("We recruited 30 patients.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(NOW).build()).build())
                .setDraft(Draft.newBuilder().setRevision(2).setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers studied 30 patients.")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setResearchSummary("A study.").build())
                .setPublication(Publication.newBuilder().setSlug(slug).setUrl("http://localhost:8080/research/" + slug + "/")
                        .setPublishedAt(NOW).build())
                .build();
    }
}
