package app.plainpaper.drafting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine is plain Java: it runs inside any service, the CLI or a test without Spring, Kafka or Avro. */
class PlainJavaArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.plainpaper.drafting");

    @Test
    void engineUsesNoFrameworks() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "jakarta..",
                        "tools.jackson..", "com.fasterxml..", "io.micrometer..", "org.slf4j..")
                .check(ENGINE);
    }

    @Test
    void engineDependsOnlyOnTheJdkAndPlainpaperText() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "app.plainpaper.drafting..", "app.plainpaper.text..")
                .check(ENGINE);
    }

    @Test
    void capabilityPackagesHaveNoCycles() {
        slices().matching("app.plainpaper.drafting.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
