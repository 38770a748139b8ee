package app.plainpaper.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Provisioning against a real single-node KRaft broker. */
class TopicProvisionerTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @Test
    void createsTheWholeCatalogThenChangesNothingOnTheSecondRun() throws Exception {
        TopicCatalog catalog = TopicCatalog.fromClasspath();

        ProvisioningReport first = TopicProvisioner.provision(admin, catalog);

        assertThat(first.created()).containsExactlyElementsOf(catalog.names());
        awaitVisible(catalog.names());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var described = admin.describeTopics(catalog.names()).allTopicNames().get(10, TimeUnit.SECONDS);
            for (TopicSpec spec : catalog.topics()) {
                assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                Config config = topicConfig(spec.name());
                spec.configs().forEach((k, v) -> assertThat(config.get(k).value()).as(spec.name() + " " + k).isEqualTo(v));
            }
        });

        ProvisioningReport second = TopicProvisioner.provision(admin, catalog);
        assertThat(second.created()).isEmpty();
        assertThat(second.partitionsRaised()).isEmpty();
        assertThat(second.configsAltered()).isEmpty();
        assertThat(second.unchanged()).containsExactlyElementsOf(catalog.names());
    }

    @Test
    void raisesPartitionsAndSetsConfigsThatDrifted() throws Exception {
        admin.createTopics(List.of(new NewTopic("drift.events", Optional.of(1), Optional.empty())
                .configs(Map.of("retention.ms", "60000")))).all().get(10, TimeUnit.SECONDS);
        // Provisioned at once: the broker may not know the topic yet, as when a service created it a moment ago.
        TopicCatalog catalog = TopicCatalog.of(List.of(
                new TopicSpec("drift.events", 3, Map.of("retention.ms", "-1", "cleanup.policy", "delete"))));

        ProvisioningReport report = TopicProvisioner.provision(admin, catalog);

        assertThat(report.partitionsRaised()).containsExactly("drift.events");
        assertThat(report.configsAltered()).containsExactly("drift.events");
        // The broker applies what the controller committed a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(admin.describeTopics(List.of("drift.events")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("drift.events").partitions()).hasSize(3);
            assertThat(topicConfig("drift.events").get("retention.ms").value()).isEqualTo("-1");
        });
    }

    @Test
    void leavesExtraPartitionsAloneWithAWarning() throws Exception {
        admin.createTopics(List.of(new NewTopic("wide.events", 4, (short) 1))).all().get(10, TimeUnit.SECONDS);
        awaitVisible(List.of("wide.events"));

        ProvisioningReport report = TopicProvisioner.provision(admin,
                TopicCatalog.of(List.of(new TopicSpec("wide.events", 2, Map.of()))));

        assertThat(report.warnings()).containsExactly("wide.events has 4 partitions, 2 declared (Kafka cannot lower them)");
        assertThat(report.unchanged()).containsExactly("wide.events");
    }

    /** The broker learns of new topics from the controller a moment after they are created. */
    private static void awaitVisible(List<String> topics) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(topics));
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }
}
