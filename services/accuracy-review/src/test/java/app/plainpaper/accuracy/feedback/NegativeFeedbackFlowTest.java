package app.plainpaper.accuracy.feedback;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Publication;
import app.plainpaper.events.ReaderFeedback;
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

/** Readers' negative feedback sends a published summary back to the editors, once, on the real broker. */
@SpringBootTest(properties = {"plainpaper.feedback.re-review.min-answers=4", "plainpaper.feedback.re-review.max-no-share=0.5"})
class NegativeFeedbackFlowTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final Instant PUBLISHED_AT = Instant.now().minusSeconds(60);
    static final KafkaConsumer<String, Object> SENT_BACK = new KafkaConsumer<>(BED.avroConsumer());

    static {
        SENT_BACK.subscribe(List.of(Topics.SENT_BACK));
    }

    final List<SummaryEvent> seen = new ArrayList<>();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @AfterAll
    static void close() {
        SENT_BACK.close();
    }

    @Autowired
    SummarySnapshots snapshots;

    @Autowired
    FeedbackReReview reReview;

    @Test
    void feedbackThatTurnsNegativeSendsTheSummaryBackOnceWithTheReason() throws Exception {
        String id = "fb-" + UUID.randomUUID();
        publishedAndKnown(id);

        answer(id, false);
        answer(id, true);
        answer(id, false);
        answer(id, false);
        SummaryEvent back = await().atMost(Duration.ofSeconds(30)).until(() -> sentBack(id), l -> !l.isEmpty()).get(0);
        assertThat(back.getType()).isEqualTo(EventType.SENT_BACK);
        assertThat(back.getState()).isEqualTo(WorkflowState.EDITOR_REVIEW);
        // Exactly the fourth answer crossed the line: three were not enough, and all four were counted once.
        assertThat(back.getReason()).isEqualTo("Readers found this unhelpful: 3 of 4 said no");
        assertThat(back.getSequence()).isEqualTo(13);
        assertThat(back.getPublication()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.current(id).orElseThrow().getState() == WorkflowState.EDITOR_REVIEW);

        // More "no" answers while it is back with the editors do not send it back again. The same key keeps them in
        // order: once the last one is counted, the ones before it were fully handled.
        answer(id, false);
        answer(id, false);
        answer(id, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> reReview.counts(id).total() == 7);
        assertThat(sentBack(id)).hasSize(1);
    }

    @Test
    void positiveFeedbackLeavesTheSummaryPublished() throws Exception {
        String id = "fb-" + UUID.randomUUID();
        publishedAndKnown(id);
        for (int i = 0; i < 7; i++) {
            answer(id, i % 2 == 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reReview.counts(id).total() == 7);
        assertThat(reReview.counts(id).no()).isEqualTo(3);
        assertThat(sentBack(id)).as("3 of 7 is not more than half").isEmpty();
        assertThat(snapshots.current(id).orElseThrow().getState()).isEqualTo(WorkflowState.PUBLISHED);
    }

    List<SummaryEvent> sentBack(String id) {
        SENT_BACK.poll(Duration.ofMillis(200)).forEach(r -> seen.add((SummaryEvent) r.value()));
        return seen.stream().filter(e -> e.getSummaryId().equals(id)).toList();
    }

    void publishedAndKnown(String id) throws Exception {
        send(Topics.PUBLISHED, id, published(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.current(id).isPresent());
    }

    static void answer(String id, boolean helpful) throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        send(Topics.READER_FEEDBACK, id, ReaderFeedback.newBuilder().setFeedbackId(feedbackId).setSummaryId(id).setHelpful(helpful)
                .setReceivedAt(Instant.now()).build());
    }

    static void send(String topic, String key, Object value) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(BED.avroProducer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static SummaryEvent published(String id) {
        Actor system = Actor.newBuilder().setId("publishing").setRole(Role.SYSTEM).build();
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setSummaryId(id).setSequence(12).setRevision(2)
                .setType(EventType.PUBLISHED).setState(WorkflowState.PUBLISHED).setOccurredAt(PUBLISHED_AT)
                .setActor(system).setCorrelationId("c-" + id)
                .setPaper(Paper.newBuilder().setTitle("Pain and cytokines")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText("We recruited 30 patients.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(PUBLISHED_AT).build()).build())
                .setDraft(Draft.newBuilder().setRevision(2).setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers studied 30 patients.")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setResearchSummary("A study.").build())
                .setPublication(Publication.newBuilder().setSlug("slug-" + id.substring(3, 11)).setUrl("http://localhost:8080/research/x/")
                        .setPublishedAt(PUBLISHED_AT).build())
                .build();
    }
}
