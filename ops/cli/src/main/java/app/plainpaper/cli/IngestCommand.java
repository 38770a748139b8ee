package app.plainpaper.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends files (PubMed or JATS XML, MEDLINE, RIS, BibTeX, Crossref JSON) to the running stack's ingestion service,
 * one {@code POST /api/imports} each, and sums up its reports. A progress bar on a terminal, plain lines otherwise.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Imports paper files into the running stack (POST /api/imports on the ingestion service) and "
                + "reports accepted, duplicate and rejected records per file and in total. Exits 1 if a file is refused.")
final class IngestCommand implements Callable<Integer> {

    enum Progress { AUTO, BAR, LINES }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = {"-u", "--ingestion-url"}, defaultValue = "${env:PLAINPAPER_INGESTION}",
            description = "The ingestion service (default: env PLAINPAPER_INGESTION, else the ingestion port of the stack file, else http://localhost:8091).")
    String ingestionUrl;

    @Option(names = "--format", description = "The files' format, when detection is not enough (pubmed, jats, medline, ris, bibtex, crossref).")
    String format;

    @Option(names = "--progress", defaultValue = "AUTO",
            description = "AUTO (a bar on a terminal, lines otherwise), BAR or LINES. Default: ${DEFAULT-VALUE}.")
    Progress progress;

    @Option(names = "--timeout", defaultValue = "PT5M", description = "How long one file may take (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** What became of one file. */
    record FileResult(Path file, int accepted, int duplicates, int enriched, int rejected, List<String> reasons, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = (ingestionUrl == null || ingestionUrl.isBlank() ? stackIngestionUrl() : ingestionUrl).replaceAll("/+$", "");
        boolean bar = progress == Progress.BAR || (progress == Progress.AUTO && System.console() != null);
        long totalBytes = files.stream().mapToLong(IngestCommand::size).sum();
        AtomicLong sentBefore = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String label = "[" + (i + 1) + "/" + files.size() + "] " + file.getFileName();
            if (!bar) {
                out.println("Sending " + label + " (" + human(size(file)) + ")");
                out.flush();
            }
            FileResult result;
            try {
                result = send(http, base, file, sent -> {
                    if (bar) {
                        out.print("\r" + bar(sentBefore.get() + sent, totalBytes, label));
                        out.flush();
                    }
                });
            } catch (ConnectException e) {
                if (bar) {
                    out.println();
                }
                err.println("plainpaper: the ingestion service does not answer at " + base + " (is the stack up? ./plainpaper up)");
                return 1;
            } catch (HttpTimeoutException e) {
                result = refused(file, "no answer within " + timeout);
            } catch (IOException e) {
                result = refused(file, e.getMessage());
            }
            sentBefore.addAndGet(size(file));
            if (bar) {
                out.print("\r" + bar(sentBefore.get(), totalBytes, label) + "\n");
            }
            results.add(result);
            out.println(describe(result));
            out.flush();
        }
        out.println(summary(results));
        return results.stream().anyMatch(FileResult::refused) ? 1 : 0;
    }

    private FileResult send(HttpClient http, String base, Path file, java.util.function.LongConsumer progressed)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            return refused(file, "no such file");
        }
        String boundary = "plainpaper-" + UUID.randomUUID();
        String name = file.getFileName().toString().replace("\"", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + Files.size(file) + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return new Counting(new SequenceInputStream(new ByteArrayInputStream(head),
                        new SequenceInputStream(Files.newInputStream(file), new ByteArrayInputStream(tail))), progressed);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), length);
        String query = format == null || format.isBlank() ? "" : "?format=" + java.net.URLEncoder.encode(format, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports" + query))
                .timeout(timeout).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        return result(file, response.statusCode(), response.body());
    }

    static FileResult result(Path file, int status, String body) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(body);
        } catch (RuntimeException e) {
            json = null;
        }
        if (status / 100 != 2 || json == null) {
            String why = json == null ? body : json.path("detail").asString(json.path("title").asString(body));
            String title = json == null ? "" : json.path("title").asString("");
            return refused(file, "HTTP " + status + (title.isEmpty() ? "" : " " + title) + (why == null || why.isBlank() || why.equals(title) ? "" : ": " + why));
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : json.path("rejected")) {
            String id = r.path("identifier").isNull() || r.path("identifier").isMissingNode() ? "" : " (" + r.path("identifier").asString() + ")";
            reasons.add("record " + r.path("position").asInt() + id + ": " + r.path("reason").asString());
        }
        return new FileResult(file, json.path("accepted").size(), json.path("duplicates").size(), json.path("enriched").size(),
                json.path("rejected").size(), List.copyOf(reasons), null);
    }

    private static FileResult refused(Path file, String why) {
        return new FileResult(file, 0, 0, 0, 0, List.of(), why);
    }

    static String describe(FileResult r) {
        if (r.refused()) {
            return r.file().getFileName() + ": refused (" + r.refusal() + ")";
        }
        StringBuilder line = new StringBuilder(r.file().getFileName() + ": " + counts(r.accepted(), r.duplicates(), r.enriched(), r.rejected()));
        r.reasons().forEach(reason -> line.append("\n  rejected ").append(reason));
        return line.toString();
    }

    static String summary(List<FileResult> results) {
        int refused = (int) results.stream().filter(FileResult::refused).count();
        return "Total, " + results.size() + (results.size() == 1 ? " file: " : " files: ")
                + counts(results.stream().mapToInt(FileResult::accepted).sum(), results.stream().mapToInt(FileResult::duplicates).sum(),
                        results.stream().mapToInt(FileResult::enriched).sum(), results.stream().mapToInt(FileResult::rejected).sum())
                + ", " + refused + (refused == 1 ? " file refused" : " files refused");
    }

    private static String counts(int accepted, int duplicates, int enriched, int rejected) {
        return accepted + " accepted, " + duplicates + (duplicates == 1 ? " duplicate, " : " duplicates, ")
                + (enriched > 0 ? enriched + " enriched, " : "") + rejected + " rejected";
    }

    static String bar(long done, long total, String label) {
        int width = 30;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100))
                + " " + human(done) + "/" + human(total) + " " + label;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The ingestion port from the stack file when there is one (ops/stack), else the default. */
    private static String stackIngestionUrl() {
        try {
            var workspace = StackOptions.workspace();
            var part = app.plainpaper.cli.stack.StackFile.load(workspace.stackFile()).part("ingestion");
            if (part.isPresent()) {
                return "http://localhost:" + part.get().port();
            }
        } catch (RuntimeException e) {
            // No repository around (the CLI run from elsewhere): the default port.
        }
        return "http://localhost:8091";
    }

    /** Counts the bytes the HTTP client has read from the body, which is what has been sent, give or take a buffer. */
    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer progressed;
        private long count;

        Counting(InputStream in, java.util.function.LongConsumer progressed) {
            super(in);
            this.progressed = progressed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progressed.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                progressed.accept(count);
            }
            return n;
        }
    }
}
