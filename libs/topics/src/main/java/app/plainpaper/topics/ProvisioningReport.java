package app.plainpaper.topics;

import java.util.List;

/**
 * What {@link TopicProvisioner#provision} did.
 *
 * @param created           topics that did not exist and were created
 * @param partitionsRaised  topics whose partition count was raised to the declared one
 * @param configsAltered    topics whose declared configs differed and were set
 * @param unchanged         topics already as declared
 * @param warnings          differences left alone, such as more partitions than declared (Kafka cannot shrink)
 */
public record ProvisioningReport(List<String> created, List<String> partitionsRaised, List<String> configsAltered,
                                 List<String> unchanged, List<String> warnings) {

    public ProvisioningReport {
        created = List.copyOf(created);
        partitionsRaised = List.copyOf(partitionsRaised);
        configsAltered = List.copyOf(configsAltered);
        unchanged = List.copyOf(unchanged);
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        return "topics: " + created.size() + " created, " + partitionsRaised.size() + " with partitions raised, "
                + configsAltered.size() + " with configs altered, " + unchanged.size() + " unchanged"
                + (warnings.isEmpty() ? "" : "; warnings: " + String.join("; ", warnings));
    }
}
