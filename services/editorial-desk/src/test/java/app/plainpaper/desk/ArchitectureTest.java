package app.plainpaper.desk;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The board, queue, activity, revision, profile and lockout rules stay plain Java: no Spring, no Kafka client; adapters live at the edges. */
class ArchitectureTest {

    @Test
    void boardRulesArePlainJava() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.plainpaper.desk");
        noClasses().that().resideInAnyPackage("..desk.board..", "..desk.queues..", "..desk.activity..", "..desk.revisions..",
                        "..desk.profiles..", "..desk.access..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }
}
