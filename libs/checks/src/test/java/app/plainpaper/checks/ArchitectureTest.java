package app.plainpaper.checks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The checks are plain Java: services wrap them, they know nothing of Spring, Kafka or Avro. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.plainpaper.checks", "app.plainpaper.text");

    @Test
    void noFrameworkDependencies() {
        noClasses().that().resideInAnyPackage("app.plainpaper.checks..", "app.plainpaper.text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "io.confluent..")
                .check(classes);
    }

    @Test
    void textDoesNotDependOnChecks() {
        noClasses().that().resideInAPackage("app.plainpaper.text..")
                .should().dependOnClassesThat().resideInAPackage("app.plainpaper.checks..")
                .check(classes);
    }
}
