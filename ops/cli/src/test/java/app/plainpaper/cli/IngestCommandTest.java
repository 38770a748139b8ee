package app.plainpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command against a stand-in for the ingestion service's POST /api/imports that answers with the service's
 * report and problem-detail shapes (ImportReport; the import itself is tested in services/ingestion, ImportApiTest).
 */
class IngestCommandTest {

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandIn() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/imports", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            int status;
            String answer;
            if (body.contains("PubmedArticleSet")) {
                status = 200;
                answer = """
                        {"format":"pubmed","accepted":[{"position":1,"summaryId":"a","title":"One"},{"position":3,"summaryId":"c","title":"Three"}],
                         "duplicates":[{"position":2,"summaryId":"b","title":"Two"}],
                         "rejected":[{"position":4,"identifier":"123","reason":"no abstract"}]}""";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else {
                status = 415;
                answer = """
                        {"type":"https://plainpaper.app/problems/unsupported-format","title":"Unsupported file format","status":415,
                         "detail":"The file is none of the supported formats."}""";
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        CommandLine cli = PlainpaperCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eachFileIsSentAsMultipartAndTheReportsAreSummedUpWithARefusalFailingTheRun() throws Exception {
        Path xml = Files.writeString(dir.resolve("batch.xml"), "<?xml version=\"1.0\"?><PubmedArticleSet></PubmedArticleSet>");
        Path junk = Files.write(dir.resolve("photo.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});

        Run run = run("ingest", "--ingestion-url", url(), "--progress", "LINES", xml.toString(), junk.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains(
                "Sending [1/2] batch.xml (",
                "batch.xml: 2 accepted, 1 duplicate, 1 rejected\n  rejected record 4 (123): no abstract",
                "photo.bin: refused (HTTP 415 Unsupported file format: The file is none of the supported formats.)",
                "Total, 2 files: 2 accepted, 1 duplicate, 1 rejected, 1 file refused");
        assertThat(run.out()).doesNotContain("\r");
        assertThat(bodies).hasSize(2);
        assertThat(contentTypes.get(0)).startsWith("multipart/form-data; boundary=");
        assertThat(bodies.get(0)).contains("name=\"file\"; filename=\"batch.xml\"", "<PubmedArticleSet></PubmedArticleSet>");
    }

    @Test
    void aRunWithoutRefusalsSucceedsAndTheBarReachesAllBytes() throws Exception {
        Path xml = Files.writeString(dir.resolve("one.xml"), "<PubmedArticleSet>" + "x".repeat(5000) + "</PubmedArticleSet>");

        Run run = run("ingest", "--ingestion-url", url(), "--progress", "BAR", xml.toString());

        assertThat(run.code()).isEqualTo(0);
        assertThat(run.out()).contains("\r[", "100% 4.9 KB/4.9 KB [1/1] one.xml", "Total, 1 file: 2 accepted, 1 duplicate, 1 rejected, 0 files refused");
    }

    @Test
    void aMissingFileIsRefusedWithoutStoppingTheOthers() throws Exception {
        Path xml = Files.writeString(dir.resolve("ok.xml"), "<PubmedArticleSet/>");

        Run run = run("ingest", "--ingestion-url", url(), "--progress", "LINES", dir.resolve("nope.ris").toString(), xml.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("nope.ris: refused (no such file)", "ok.xml: 2 accepted");
        assertThat(bodies).hasSize(1);
    }

    @Test
    void withoutARunningIngestionServiceItSaysSoAndFails() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path xml = Files.writeString(dir.resolve("a.xml"), "<PubmedArticleSet/>");

        Run run = run("ingest", "--ingestion-url", "http://127.0.0.1:" + port, xml.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the ingestion service does not answer at http://127.0.0.1:" + port);
    }
}
