package app.plainpaper.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFileTest {

    private static StackFile parse(String... lines) {
        return StackFile.parse(List.of(lines), "stack");
    }

    private static final String KAFKA = "kafka kind=kafka module=ops/kafka-broker port=9092 controller-port=9093 stage=0";

    @Test
    void theRepositoryStackHasKafkaTheRegistryAndTheSixServices() {
        StackFile stack = StackFile.load(Path.of("../stack"));

        assertThat(stack.parts()).extracting(StackPart::name).containsExactly("kafka", "schema-registry",
                "editorial-desk", "ingestion", "drafting", "accuracy-review", "disclaimer-check", "publishing");
        assertThat(stack.kafka().port()).isEqualTo(9092);
        assertThat(stack.kafka().intSetting("controller-port")).hasValue(9093);
        assertThat(stack.part("schema-registry").orElseThrow().port()).isEqualTo(8081);
        StackPart publishing = stack.part("publishing").orElseThrow();
        assertThat(publishing.port()).isEqualTo(8095);
        assertThat(publishing.alsoServes()).hasValue(8080);
        assertThat(publishing.healthPath()).contains("/actuator/health");
        assertThat(stack.stages()).hasSize(3);
        assertThat(stack.stages().get(0)).extracting(StackPart::name).containsExactly("kafka");
        assertThat(stack.stages().get(1)).extracting(StackPart::name).containsExactly("schema-registry");
        assertThat(stack.stopOrder().get(stack.stopOrder().size() - 1).name()).isEqualTo("kafka");
    }

    @Test
    void readsSettingsAndIgnoresComments() {
        StackFile stack = parse("# the stack", KAFKA + "  # broker", "",
                "desk kind=spring-boot module=services/desk port=8090 health=/actuator/health stage=2");

        StackPart desk = stack.part("desk").orElseThrow();
        assertThat(desk.kind()).isEqualTo(StackPart.Kind.SPRING_BOOT);
        assertThat(desk.module()).isEqualTo("services/desk");
        assertThat(desk.stage()).isEqualTo(2);
        assertThat(desk.settings()).isEmpty();
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port=8090 stage=1"))
                .isInstanceOf(StackFileException.class).hasMessage("stack:2: desk needs health=<path>");
        assertThatThrownBy(() -> parse(KAFKA, "", "desk kind=jar module=m port=1 health=/h stage=1"))
                .hasMessage("stack:3: kind must be kafka or spring-boot, was 'jar' (desk)");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port=70000 health=/h stage=1"))
                .hasMessage("stack:2: port must be between 1 and 65535, was 70000 (desk)");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port=1 health=/h stage=1 colour=red"))
                .hasMessageStartingWith("stack:2: unknown key 'colour' (desk); known: also-serves, controller-port");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot port=1 health=/h stage=1"))
                .hasMessage("stack:2: desk needs module=...");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port=1 health=h stage=1"))
                .hasMessage("stack:2: health must be a path starting with '/' (desk)");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port 1"))
                .hasMessage("stack:2: 'port' is not key=value (desk)");
    }

    @Test
    void namesAndPortsAreUnique() {
        assertThatThrownBy(() -> parse(KAFKA, "kafka kind=spring-boot module=m port=1 health=/h stage=1"))
                .hasMessage("stack:2: kafka is already declared on line 1");
        assertThatThrownBy(() -> parse(KAFKA, "desk kind=spring-boot module=m port=9093 health=/h stage=1"))
                .hasMessage("stack:2: port 9093 of desk is already used by kafka");
    }

    @Test
    void theStackNeedsOneKafka() {
        assertThatThrownBy(() -> parse("desk kind=spring-boot module=m port=1 health=/h stage=1"))
                .hasMessage("stack:1: the stack needs exactly one part of kind=kafka");
        assertThatThrownBy(() -> parse("kafka kind=kafka module=ops/kafka-broker port=9092 stage=0"))
                .hasMessage("stack:1: kafka needs controller-port=<n>");
    }
}
