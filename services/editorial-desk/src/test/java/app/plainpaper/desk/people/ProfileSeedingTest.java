package app.plainpaper.desk.people;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.desk.EditorialDeskApplication;
import app.plainpaper.events.Actor;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.events.Role;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Configured users get a profile on desk.reviewer-profiles when the desk starts, only when they have none: on the
 * shared broker, with users of this class's own, and a restart (a new application context on the same topics).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileSeedingTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final String PASSWORD = "desk-seeding-password";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Configured with credentials and a declared DOI; has no profile yet. */
    static final String REVIEWER = "seeded-" + RUN;
    /** Configured too, but already has a profile on the topic before the desk starts. */
    static final String KEPT = "kept-" + RUN;
    static final String DOI = "10.1056/NEJMoa" + RUN;

    // Started here rather than by the Spring test support: the test restarts it.
    static ConfigurableApplicationContext desk;

    @BeforeAll
    static void startDesk() throws Exception {
        DeskHttp.publish(Topics.REVIEWER_PROFILES, KEPT, ReviewerProfile.newBuilder()
                .setUsername(KEPT).setDisplayName("Kim Kept").setCredentials("RN")
                .setConflicts(DeclaredConflicts.newBuilder().setAuthors(List.of("Jane Roe")).build())
                .setUpdatedBy(Actor.newBuilder().setId(KEPT).setRole(Role.CLINICAL_REVIEWER).build())
                .setUpdatedAt(Instant.parse("2026-11-01T09:00:00Z"))
                .build());
        desk = startedDesk();
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(1)
    void aFreshDeskPublishesTheConfiguredProfile() throws Exception {
        List<ReviewerProfile> published = profilesOnTopic(REVIEWER);
        assertThat(published).hasSize(1);
        ReviewerProfile seeded = published.get(0);
        assertThat(seeded.getDisplayName()).isEqualTo("Dr Sam Seeded");
        assertThat(seeded.getCredentials()).isEqualTo("MBBS, PhD");
        assertThat(seeded.getConflicts().getDois()).containsExactly(DOI);
        assertThat(seeded.getConflicts().getOrganisations()).containsExactly("Acme Neuro");
        assertThat(seeded.getUpdatedBy().getId()).isEqualTo("editorial-desk");

        var shown = get(REVIEWER, "/api/people/" + REVIEWER + "/profile");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"displayName\":\"Dr Sam Seeded\"", "\"credentials\":\"MBBS, PhD\"", DOI, "Acme Neuro");
    }

    @Test
    @Order(2)
    void aUserWithAProfileOnTheTopicGetsNoSecondRecord() throws Exception {
        List<ReviewerProfile> published = profilesOnTopic(KEPT);
        assertThat(published).extracting(ReviewerProfile::getCredentials).containsExactly("RN");
        assertThat(get(KEPT, "/api/people/" + KEPT + "/profile").body())
                .contains("\"displayName\":\"Kim Kept\"", "\"credentials\":\"RN\"", "Jane Roe").doesNotContain("From Configuration");
    }

    @Test
    @Order(3)
    void anEditedProfileSurvivesARestart() throws Exception {
        var edited = put(REVIEWER, "/api/people/" + REVIEWER + "/profile",
                "{\"displayName\":\"Dr Sam Edited\",\"credentials\":\"MD\",\"conflicts\":{\"pmids\":[\"31234567\"]}}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        desk.close();
        desk = startedDesk();

        assertThat(get(REVIEWER, "/api/people/" + REVIEWER + "/profile").body())
                .contains("\"displayName\":\"Dr Sam Edited\"", "\"credentials\":\"MD\"", "31234567").doesNotContain(DOI);
        assertThat(profilesOnTopic(REVIEWER)).extracting(ReviewerProfile::getDisplayName)
                .containsExactly("Dr Sam Seeded", "Dr Sam Edited");
        assertThat(profilesOnTopic(KEPT)).hasSize(1);
    }

    /** A desk configured with both users and a seed profile for each; returns once its seeding is done. */
    private static ConfigurableApplicationContext startedDesk() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        var started = new SpringApplicationBuilder(EditorialDeskApplication.class).run(BED.serviceArgs(
                "--plainpaper.desk.demo.enabled=false",
                "--plainpaper.desk.users[0].username=" + REVIEWER,
                "--plainpaper.desk.users[0].password-hash=" + hash,
                "--plainpaper.desk.users[0].roles[0]=clinical-reviewer",
                "--plainpaper.desk.users[0].display-name=Dr Sam Seeded",
                "--plainpaper.desk.users[1].username=" + KEPT,
                "--plainpaper.desk.users[1].password-hash=" + hash,
                "--plainpaper.desk.users[1].roles[0]=clinical-reviewer",
                "--plainpaper.desk.users[1].display-name=Kim Kept",
                "--plainpaper.desk.profiles." + REVIEWER + ".credentials=MBBS, PhD",
                "--plainpaper.desk.profiles." + REVIEWER + ".dois[0]=" + DOI,
                "--plainpaper.desk.profiles." + REVIEWER + ".organisations[0]=Acme Neuro",
                "--plainpaper.desk.profiles." + KEPT + ".display-name=From Configuration",
                "--plainpaper.desk.profiles." + KEPT + ".credentials=FROM CONFIG"));
        ProfileSeeding seeding = started.getBean(ProfileSeeding.class);
        await("profiles seeded").atMost(Duration.ofSeconds(60)).until(seeding::done);
        return started;
    }

    /** Every committed profile record of a user, oldest first, decoded through the registry. */
    private static List<ReviewerProfile> profilesOnTopic(String username) {
        List<ReviewerProfile> found = new ArrayList<>();
        EventLog.replay(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                        "schema.registry.url", BED.registryUrl(),
                        "specific.avro.reader", "true"),
                List.of(Topics.REVIEWER_PROFILES), Duration.ofSeconds(30), record -> {
                    if (username.equals(record.key()) && record.value() instanceof ReviewerProfile profile) {
                        found.add(profile);
                    }
                });
        return found;
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return DeskHttp.HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Authorization", DeskHttp.basic(user, PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String user, String path, String json) throws Exception {
        return DeskHttp.HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", DeskHttp.basic(user, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + desk.getEnvironment().getProperty("local.server.port") + path);
    }
}
