package app.plainpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.cli.stack.StackFile;
import app.plainpaper.cli.stack.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `./plainpaper up` tells a developer once the stack runs: addresses, logins, and where reader mail goes. */
class UpCommandTest {

    @Test
    void printsWhereReaderMailGoes() {
        StackFile stack = StackFile.parse(java.util.List.of(
                "kafka kind=kafka module=ops/kafka-broker port=9092 controller-port=9093 stage=0",
                "publishing kind=spring-boot module=services/publishing port=8095 health=/actuator/health stage=2 also-serves=8080"),
                "stack");
        Workspace workspace = new Workspace(Path.of("/repo"), Path.of("/repo/.plainpaper"));
        StringWriter out = new StringWriter();

        UpCommand.printAddresses(new PrintWriter(out, true), stack.parts(), workspace, "pw", "/repo/.plainpaper/demo-password");

        assertThat(out.toString()).contains(
                "  Live site        http://localhost:8080",
                "  Publishing       http://localhost:8095",
                "  Reader mail      /repo/.plainpaper/mail (one .eml file per mail, no SMTP server)");
    }

    @Test
    void withoutPublishingThereIsNoMailLine() {
        StackFile stack = StackFile.parse(java.util.List.of(
                "kafka kind=kafka module=ops/kafka-broker port=9092 controller-port=9093 stage=0"), "stack");
        StringWriter out = new StringWriter();

        UpCommand.printAddresses(new PrintWriter(out, true), stack.parts(), new Workspace(Path.of("/r"), Path.of("/r/.p")), "pw", null);

        assertThat(out.toString()).doesNotContain("Reader mail");
    }
}
