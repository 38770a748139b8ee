package app.plainpaper.accuracy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The workflow rules stay plain Java: no Spring, no Kafka client; adapters live at the edges. */
class ArchitectureTest {

    @Test
    void workflowRulesArePlainJava() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.plainpaper.accuracy");
        noClasses().that().resideInAPackage("..accuracy.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }
}
