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

    /**
     * The mutation operators are written apart from the detectors: they use neither the checks' classes (rules,
     * policy and its word lists, alignment) nor the text library's sentence splitting and number finding, so the
     * detectors are not graded against their own view of the text.
     */
    @Test
    void mutationOperatorsDoNotUseTheDetectors() {
        JavaClasses withTests = new ClassFileImporter().importPackages("app.plainpaper.checks.mutation");
        noClasses().that().haveNameMatching("app\\.plainpaper\\.checks\\.mutation\\.Mutations?(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("app.plainpaper.checks", "app.plainpaper.checks.accuracy..",
                        "app.plainpaper.checks.compliance..", "app.plainpaper.checks.policy..", "app.plainpaper.checks.alignment..",
                        "app.plainpaper.checks.links..", "app.plainpaper.text..")
                .check(withTests);
    }

    @Test
    void mutationOperatorsDoNotReadThePolicyFile() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/java/app/plainpaper/checks/mutation/Mutations.java"));
        org.assertj.core.api.Assertions.assertThat(source).doesNotContain("policy").doesNotContain("getResource");
    }
}
