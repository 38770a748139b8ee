package app.plainpaper.cli.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Asks the running publishing service to rebuild the whole site from the publishing topics on the stack's broker
 * (summary.published, summary.unpublished, summary.retracted): a full replay, rendered into a new release folder and
 * swapped in atomically. The service does it because it owns the site folder and its lock; rendering is
 * deterministic, so an intact site comes back byte for byte (the same release).
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuilds the whole site from the published, unpublished and retracted events on the running "
                + "stack's broker, into a new folder swapped in atomically. Says whether the bytes differ from the "
                + "live site (they should not).")
final class SiteRebuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-u", "--publishing-url"}, defaultValue = "${env:PLAINPAPER_PUBLISHING:-http://localhost:8095}",
            description = "The publishing service (default: ${DEFAULT-VALUE}, env PLAINPAPER_PUBLISHING).")
    String publishingUrl;

    @Option(names = "--timeout", defaultValue = "PT5M",
            description = "How long the rebuild may take (ISO-8601 duration, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI uri = URI.create(publishingUrl.replaceAll("/+$", "") + "/api/site/rebuild");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("plainpaper: the publishing service does not answer at " + publishingUrl
                    + " (is the stack up? ./plainpaper up)");
            return 1;
        } catch (HttpTimeoutException e) {
            err.println("plainpaper: the rebuild took longer than " + timeout + "; it may still be running.");
            return 1;
        }
        if (response.statusCode() != 200) {
            err.println("plainpaper: the rebuild failed: HTTP " + response.statusCode() + " " + response.body());
            return 1;
        }
        JsonNode result = new ObjectMapper().readTree(response.body());
        out.println(describe(result));
        return 0;
    }

    static String describe(JsonNode result) {
        boolean changed = result.path("changed").asBoolean(true);
        return "Rebuilt the site from " + result.path("events").asLong() + " events: " + result.path("summaries").asLong()
                + " summaries, " + result.path("files").asLong() + " files, release " + result.path("release").asString()
                + " in " + result.path("siteRoot").asString() + "\n"
                + (changed ? "The rebuilt site differs from what was live; it is live now."
                        : "Same bytes as the live site.");
    }
}
