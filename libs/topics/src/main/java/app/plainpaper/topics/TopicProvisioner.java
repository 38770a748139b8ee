package app.plainpaper.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Brings a cluster in line with a {@link TopicCatalog}: creates missing topics, raises partition counts
 * and sets declared configs that differ. It never deletes topics, lowers partitions or removes configs.
 * Running it again on a provisioned cluster changes nothing.
 */
public final class TopicProvisioner {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private TopicProvisioner() {
    }

    public static ProvisioningReport provision(Admin admin, TopicCatalog catalog) {
        return provision(admin, catalog, DEFAULT_TIMEOUT);
    }

    public static ProvisioningReport provision(Admin admin, TopicCatalog catalog, Duration timeout) {
        List<String> created = new ArrayList<>();
        List<String> partitionsRaised = new ArrayList<>();
        List<String> configsAltered = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        Set<String> existing = await(admin.listTopics().names(), timeout);
        Set<String> toCompare = new LinkedHashSet<>();
        for (TopicSpec spec : catalog.topics()) {
            if (existing.contains(spec.name())) {
                toCompare.add(spec.name());
                continue;
            }
            // Replication factor from the broker's default: 1 on a single-node cluster, more on a real one.
            NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                    .configs(spec.configs());
            try {
                await(admin.createTopics(List.of(topic)).all(), timeout);
                created.add(spec.name());
            } catch (TopicRaceException e) {
                toCompare.add(spec.name()); // someone else (a service, the registry) created it meanwhile
            }
        }
        if (toCompare.isEmpty()) {
            return new ProvisioningReport(created, partitionsRaised, configsAltered, unchanged, warnings);
        }

        // A topic created a moment ago (by us or a service starting alongside) may not be known to the broker yet.
        Map<String, TopicDescription> descriptions = whileUnknown(
                () -> await(admin.describeTopics(toCompare).allTopicNames(), timeout), timeout);
        Map<ConfigResource, Config> configs = whileUnknown(
                () -> await(admin.describeConfigs(resources(toCompare)).all(), timeout), timeout);
        Map<String, NewPartitions> raise = new HashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
        for (String name : toCompare) {
            TopicSpec spec = catalog.named(name).orElseThrow();
            int actual = descriptions.get(name).partitions().size();
            boolean changed = false;
            if (actual < spec.partitions()) {
                raise.put(name, NewPartitions.increaseTo(spec.partitions()));
                partitionsRaised.add(name);
                changed = true;
            } else if (actual > spec.partitions()) {
                warnings.add(name + " has " + actual + " partitions, " + spec.partitions()
                        + " declared (Kafka cannot lower them)");
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            List<AlterConfigOp> ops = new ArrayList<>();
            Config current = configs.get(resource);
            spec.configs().forEach((key, value) -> {
                ConfigEntry entry = current.get(key);
                if (entry == null || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                alter.put(resource, ops);
                configsAltered.add(name);
                changed = true;
            }
            if (!changed) {
                unchanged.add(name);
            }
        }
        if (!raise.isEmpty()) {
            await(admin.createPartitions(raise).all(), timeout);
        }
        if (!alter.isEmpty()) {
            await(admin.incrementalAlterConfigs(alter).all(), timeout);
        }
        return new ProvisioningReport(created, partitionsRaised, configsAltered, unchanged, warnings);
    }

    private static <T> T whileUnknown(java.util.function.Supplier<T> call, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200); // metadata reaches the broker within milliseconds; poll gently
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while provisioning topics", e);
            }
        }
    }

    private static List<ConfigResource> resources(Collection<String> names) {
        return names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    }

    private static <T> T await(KafkaFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new TopicRaceException();
            }
            throw new IllegalStateException("provisioning topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s", e);
        }
    }

    /** A topic we meant to create appeared in between. */
    private static final class TopicRaceException extends RuntimeException {
        TopicRaceException() {
            super(null, null, false, false);
        }
    }
}
