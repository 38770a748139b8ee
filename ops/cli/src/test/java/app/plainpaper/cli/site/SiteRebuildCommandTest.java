package app.plainpaper.cli.site;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.cli.PlainpaperCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.ObjectMapper;

/** The command's side; the rebuild itself is tested in the publishing service (PublishingFlowTest, LiveSiteTest). */
class SiteRebuildCommandTest {

    @Test
    void withoutARunningPublishingServiceItSaysSoAndFails() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CommandLine cli = PlainpaperCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("site", "rebuild", "--publishing-url", "http://127.0.0.1:" + port);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the publishing service does not answer at http://127.0.0.1:" + port);
    }

    @Test
    void theServicesAnswerIsReportedInOneSentenceEach() throws Exception {
        var same = new ObjectMapper().readTree("""
                {"events":42,"summaries":10,"files":75,"release":"abc123","changed":false,"siteRoot":"/srv/site"}""");
        assertThat(SiteRebuildCommand.describe(same)).isEqualTo(
                "Rebuilt the site from 42 events: 10 summaries, 75 files, release abc123 in /srv/site\nSame bytes as the live site.");
        var changed = new ObjectMapper().readTree("""
                {"events":1,"summaries":1,"files":30,"release":"def","changed":true,"siteRoot":"/srv/site"}""");
        assertThat(SiteRebuildCommand.describe(changed)).endsWith("The rebuilt site differs from what was live; it is live now.");
    }
}
