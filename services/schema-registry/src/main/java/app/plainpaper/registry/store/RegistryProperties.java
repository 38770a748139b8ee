package app.plainpaper.registry.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code plainpaper.registry}.
 *
 * @param topic the compacted single-partition topic that is the registry's only store
 * @param topicReplicationFactor replication factor when the registry creates the topic; the
 *     broker's default when unset
 * @param initTimeout how long startup may take to create and read the topic to its end
 * @param writeTimeout how long one write may wait for the broker and for its own record
 */
@ConfigurationProperties("plainpaper.registry")
public record RegistryProperties(
    @DefaultValue("_schemas") String topic,
    Short topicReplicationFactor,
    @DefaultValue("60s") Duration initTimeout,
    @DefaultValue("30s") Duration writeTimeout) {}
