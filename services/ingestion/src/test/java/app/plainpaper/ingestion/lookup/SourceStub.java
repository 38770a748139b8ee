package app.plainpaper.ingestion.lookup;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crossref and NCBI E-utilities on localhost, answering with real recorded responses: the Crossref work from a VCR
 * cassette and PubMed efetch XML from real files. Records every request it gets, with its arrival time, so that tests
 * can check etiquette (mailto, User-Agent, tool, email, api_key) and the rate limit. Failures (429, 5xx) can be
 * queued for the next requests to a path.
 */
public final class SourceStub implements AutoCloseable {

    public record Request(String path, Map<String, String> query, Headers headers, long arrivedNanos) {
        public String param(String name) {
            return query.get(name);
        }
    }

    /** An answer to give instead of the normal one; {@code delay} first holds the answer back (a slow source). */
    public record Failure(int status, String retryAfter, Duration delay) {
        public Failure(int status, String retryAfter) {
            this(status, retryAfter, Duration.ZERO);
        }
    }

    private static final Pattern ARTICLE = Pattern.compile("<PubmedArticle>.*?</PubmedArticle>", Pattern.DOTALL);
    private static final Pattern OWN_PMID = Pattern.compile("<PMID Version=\"1\">(\\d+)</PMID>");
    private static final String XML_HEAD = "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd\">\n<PubmedArticleSet>\n";

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> crossrefWorks = new ConcurrentHashMap<>();
    private final Map<String, String> crossrefUpdates = new ConcurrentHashMap<>();
    private final Map<String, String> articles = new ConcurrentHashMap<>();
    private final Map<String, String> pmidByDoi = new ConcurrentHashMap<>();
    private final Map<String, List<String>> searchResults = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

    public SourceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public String crossrefBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crossref";
    }

    public String ncbiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/eutils";
    }

    /** Serves the cassette's recorded api.crossref.org answer, under {@code doi} (its own DOI, or a fresh one for a test). */
    public void crossrefWork(Cassette cassette, String doi) {
        var recorded = cassette.forHost("api.crossref.org");
        String recordedDoi = recorded.uri().getPath().substring("/works/".length());
        String body = doi.equalsIgnoreCase(recordedDoi) ? recorded.body()
                : recorded.body().replace(recordedDoi.replace("/", "\\/"), doi.replace("/", "\\/"));
        crossrefWorks.put(doi.toLowerCase(Locale.ROOT), body);
    }

    /** The answer to {@code /works?filter=updates:{doi}}: works whose update-to names it. */
    public void crossrefUpdates(String doi, String workListJson) {
        crossrefUpdates.put(doi.toLowerCase(Locale.ROOT), workListJson);
    }

    /**
     * Serves the PubmedArticle of a real efetch file under a fresh PMID and DOI (so that tests sharing one broker do
     * not see each other's papers), optionally transformed (a publication type added...). Returns the PMID.
     */
    public String pubmedArticle(String resource, String pmid, String doi, java.util.function.UnaryOperator<String> change) {
        String file = read(resource);
        Matcher article = ARTICLE.matcher(file);
        if (!article.find()) {
            throw new IllegalArgumentException(resource + " has no PubmedArticle");
        }
        String xml = article.group();
        Matcher own = OWN_PMID.matcher(xml);
        own.find();
        String recordedPmid = own.group(1);
        xml = xml.replace("<PMID Version=\"1\">" + recordedPmid + "</PMID>", "<PMID Version=\"1\">" + pmid + "</PMID>")
                .replace("<ArticleId IdType=\"pubmed\">" + recordedPmid + "</ArticleId>", "<ArticleId IdType=\"pubmed\">" + pmid + "</ArticleId>")
                .replaceAll("(<ArticleId IdType=\"doi\">)[^<]*(</ArticleId>)", "$1" + doi + "$2")
                .replaceAll("(<ELocationID EIdType=\"doi\"[^>]*>)[^<]*(</ELocationID>)", "$1" + doi + "$2");
        articles.put(pmid, change.apply(xml));
        pmidByDoi.put(doi.toLowerCase(Locale.ROOT), pmid);
        return pmid;
    }

    /** What esearch answers for a (saved search) query, whatever the date window. */
    public void searchResult(String query, List<String> pmids) {
        searchResults.put(query, List.copyOf(pmids));
    }

    /** The next requests whose path ends with {@code pathSuffix} get these answers, in order, before normal service resumes. */
    public void failNext(String pathSuffix, Failure... answers) {
        failures.computeIfAbsent(pathSuffix, k -> new ArrayDeque<>()).addAll(Arrays.asList(answers));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String pathSuffix) {
        return requests().stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    /** The most requests to {@code pathPrefix} that arrived within any window of length {@code window}. */
    public int mostWithin(String pathPrefix, Duration window) {
        long[] times = requests().stream().filter(r -> r.path().startsWith(pathPrefix)).mapToLong(Request::arrivedNanos).sorted().toArray();
        int most = 0;
        for (int i = 0, j = 0; j < times.length; j++) {
            while (times[j] - times[i] >= window.toNanos()) {
                i++;
            }
            most = Math.max(most, j - i + 1);
        }
        return most;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        synchronized (this) {
            requests.add(new Request(path, query, exchange.getRequestHeaders(), arrived));
        }
        exchange.getRequestBody().readAllBytes();
        for (var entry : failures.entrySet()) {
            if (path.endsWith(entry.getKey())) {
                Failure failure;
                synchronized (entry.getValue()) {
                    failure = entry.getValue().pollFirst();
                }
                if (failure != null) {
                    if (!failure.delay().isZero()) {
                        try {
                            Thread.sleep(failure.delay().toMillis()); // the stub plays a slow server; no test sleeps
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (failure.retryAfter() != null) {
                        exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                    }
                    respond(exchange, failure.status(), "text/plain", "stub failure " + failure.status());
                    return;
                }
            }
        }
        if (path.startsWith("/crossref/works/")) {
            String doi = URLDecoder.decode(path.substring("/crossref/works/".length()), StandardCharsets.UTF_8);
            String body = crossrefWorks.get(doi.toLowerCase(Locale.ROOT));
            respond(exchange, body == null ? 404 : 200, body == null ? "text/plain" : "application/json;charset=UTF-8",
                    body == null ? "Resource not found." : body);
        } else if (path.equals("/crossref/works")) {
            String filter = query.getOrDefault("filter", "");
            String doi = filter.startsWith("updates:") ? filter.substring("updates:".length()).toLowerCase(Locale.ROOT) : "";
            respond(exchange, 200, "application/json", crossrefUpdates.getOrDefault(doi,
                    "{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"total-results\":0,\"items\":[]}}"));
        } else if (path.equals("/eutils/esearch.fcgi")) {
            respond(exchange, 200, "application/json", esearch(query.getOrDefault("term", "")));
        } else if (path.equals("/eutils/efetch.fcgi")) {
            StringBuilder xml = new StringBuilder(XML_HEAD);
            for (String id : query.getOrDefault("id", "").split(",")) {
                String article = articles.get(id.trim());
                if (article != null) {
                    xml.append(article).append('\n');
                }
            }
            respond(exchange, 200, "text/xml; charset=UTF-8", xml.append("</PubmedArticleSet>\n").toString());
        } else {
            respond(exchange, 404, "text/plain", "no such stub path " + path);
        }
    }

    private String esearch(String term) {
        List<String> ids;
        if (term.endsWith("[doi]")) {
            String pmid = pmidByDoi.get(term.substring(0, term.length() - "[doi]".length()).toLowerCase(Locale.ROOT));
            ids = pmid == null ? List.of() : List.of(pmid);
        } else {
            ids = searchResults.getOrDefault(term, List.of());
        }
        String idList = String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList());
        return "{\"header\":{\"type\":\"esearch\",\"version\":\"0.3\"},\"esearchresult\":{\"count\":\"" + ids.size()
                + "\",\"retmax\":\"" + ids.size() + "\",\"retstart\":\"0\",\"idlist\":[" + idList + "]}}";
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String read(String resource) {
        try (InputStream in = SourceStub.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
