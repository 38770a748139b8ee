package app.plainpaper.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The latency from the last human approval (the clinical sign-off, answered 202 by the desk) to the page answering
 * 200 on the live site, measured against a running local stack ({@code ./plainpaper up}). Baseline, measured in the
 * same run on the same papers: from the editor's approval (202) to the desk showing the summary in clinical review,
 * which is one hop through Kafka and the review workflow. Sign-off to live is three hops (workflow, compliance gate,
 * publishing) plus rendering and the atomic swap.
 *
 * <p>Usage: {@code java -cp ops/benchmarks/target/benchmarks.jar app.plainpaper.benchmarks.ApprovalToLive [papers]}
 * with {@code PLAINPAPER_DEMO_PASSWORD} set (or {@code .plainpaper/demo-password} present).
 */
public final class ApprovalToLive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final String password;

    private ApprovalToLive(String password) {
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String password = System.getenv("PLAINPAPER_DEMO_PASSWORD");
        if (password == null || password.isBlank()) {
            password = java.nio.file.Files.readString(java.nio.file.Path.of(".plainpaper/demo-password")).strip();
        }
        new ApprovalToLive(password).run(papers);
    }

    private void run(int papers) throws Exception {
        String template = reference();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<Double> oneHop = new ArrayList<>();
        List<Double> toLive = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            String paper = template.replace("10.1155/2022/1119014", "10.1155/2022/bench-" + runId + "-" + i)
                    .replace("35845981", Long.toString(70_000_000L + (System.currentTimeMillis() / 1000 % 100_000) * 100 + i))
                    .replace("\"title\": \"", "\"title\": \"(" + runId + " " + i + ") ");
            JsonNode created = JSON.readTree(post("http://localhost:8091/api/papers", paper).body());
            String id = created.get("summaryId").asString();
            JsonNode summary = awaitState(id, "editor-review", s -> true);
            int revision = summary.get("revision").asInt();
            overrideBlockers(id, revision);

            long approvedAt = decide("editor", id, revision, "approve", "Benchmark approval.");
            awaitState(id, "clinical-review", s -> true);
            oneHop.add((System.nanoTime() - approvedAt) / 1e6);

            long signedOffAt = decide("clinician", id, revision, "sign-off", "Benchmark sign-off.");
            String url = awaitState(id, "published", s -> s.hasNonNull("url")).get("url").asString();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(url + " did not answer 200 within " + LIMIT);
                }
                Thread.sleep(POLL.toMillis());
            }
            toLive.add((System.nanoTime() - signedOffAt) / 1e6);
            System.out.printf(Locale.ROOT, "paper %2d: approval -> clinical review %6.0f ms, sign-off -> live %6.0f ms%n",
                    i + 1, oneHop.get(i), toLive.get(i));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %8s %8s%n", "(" + papers + " papers, ms)", "p50", "p99");
        System.out.printf(Locale.ROOT, "%-40s %8.0f %8.0f%n", "baseline: approval -> clinical review", percentile(oneHop, 50), percentile(oneHop, 99));
        System.out.printf(Locale.ROOT, "%-40s %8.0f %8.0f%n", "sign-off -> page live (200)", percentile(toLive, 50), percentile(toLive, 99));
        System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f%n", "ratio to baseline", percentile(toLive, 50) / percentile(oneHop, 50),
                percentile(toLive, 99) / percentile(oneHop, 99));
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private JsonNode awaitState(String id, String state, Predicate<JsonNode> also) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = desk("editor", "GET", "/api/summaries/" + id, null);
            if (response.statusCode() == 200) {
                JsonNode summary = JSON.readTree(response.body());
                if (state.equals(summary.get("state").asString()) && also.test(summary)) {
                    return summary;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(id + " did not reach " + state + " within " + LIMIT);
    }

    private void overrideBlockers(String id, int revision) throws Exception {
        JsonNode draft = JSON.readTree(desk("editor", "GET", "/api/summaries/" + id + "/draft", null).body());
        for (JsonNode finding : draft.get("findings")) {
            if ("blocker".equals(finding.get("severity").asString()) && !finding.get("resolved").asBoolean()) {
                decide("editor", id, revision, "override", "Benchmark: checked against the abstract.",
                        finding.get("findingId").asString());
                awaitState(id, "editor-review", s -> true);
            }
        }
    }

    private long decide(String user, String id, int revision, String action, String comment) throws Exception {
        return decide(user, id, revision, action, comment, null);
    }

    /** Sends a decision; answers when the desk accepted it (202), in System.nanoTime. */
    private long decide(String user, String id, int revision, String action, String comment, String findingId) throws Exception {
        String body = "{\"revision\": " + revision + ", \"action\": \"" + action + "\", \"comment\": \"" + comment + "\""
                + (findingId == null ? "" : ", \"findingId\": \"" + findingId + "\"") + "}";
        HttpResponse<String> response = desk(user, "POST", "/api/summaries/" + id + "/decisions", body);
        long at = System.nanoTime();
        if (response.statusCode() != 202) {
            throw new IllegalStateException(action + " of " + id + ": " + response.statusCode() + " " + response.body());
        }
        return at;
    }

    private HttpResponse<String> desk(String user, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:8090" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String reference() throws IOException {
        try (InputStream in = ApprovalToLive.class.getResourceAsStream("/approval-to-live/reference-study.json")) {
            if (in == null) {
                throw new IllegalStateException("reference-study.json missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
