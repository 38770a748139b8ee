package app.plainpaper.cli.stack;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One process of the local stack, as declared in {@code ops/stack}.
 *
 * @param name       process name, also the name of its log and pid files
 * @param kind       how it is started
 * @param module     the Maven module folder, relative to the repository
 * @param port       the port it is reached on (and health-checked on)
 * @param healthPath HTTP path answering {"status":"UP"}; empty for Kafka
 * @param stage      start order: a stage starts once every part of the stages before is healthy
 * @param settings   the remaining key=value settings, e.g. controller-port, also-serves
 */
public record StackPart(String name, Kind kind, String module, int port, Optional<String> healthPath, int stage,
                        Map<String, String> settings) {

    public enum Kind {
        KAFKA("kafka"), SPRING_BOOT("spring-boot");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Kind> ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public StackPart {
        settings = Map.copyOf(settings);
    }

    public OptionalInt intSetting(String key) {
        String value = settings.get(key);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    /** Ports other than {@link #port()} the part listens on (e.g. publishing's live site). */
    public OptionalInt alsoServes() {
        return intSetting("also-serves");
    }
}
