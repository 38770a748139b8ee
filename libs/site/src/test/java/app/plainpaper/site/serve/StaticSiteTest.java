package app.plainpaper.site.serve;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.ReferenceSummary;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The static server over real HTTP on a loopback port, serving a real published site folder. */
class StaticSiteTest {

    private static final String SECRET = "TOP SECRET outside the release";

    @TempDir
    static Path root;
    private static StaticSite.Running server;
    private static HttpClient client;
    private static String cssPath;

    @BeforeAll
    static void publishAndStart() throws IOException {
        SiteFolder.publish(root, StandardSite.files());
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve(SiteFolder.RELEASES).resolve("secret.txt"), SECRET);
        server = StaticSite.start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        cssPath = "/" + StandardSite.files().keySet().stream().filter(p -> p.startsWith("assets/site."))
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesPagesWithContentTypesAndCacheHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("cache-control")).contains("no-cache");
        assertThat(home.headers().firstValue("content-security-policy").orElseThrow()).contains("script-src 'self'");
        assertThat(home.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(home.body()).isEqualTo(StandardSite.text("index.html"));

        HttpResponse<String> summary = get("/research/" + ReferenceSummary.SLUG + "/");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("<h1>Study on the Correlation");

        HttpResponse<String> css = get(cssPath);
        assertThat(css.headers().firstValue("content-type")).contains("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("cache-control")).contains("public, max-age=31536000, immutable");

        Map<String, String> types = new TreeMap<>(Map.of(
                "/feed.xml", "application/atom+xml; charset=utf-8",
                "/sitemap.xml", "application/xml; charset=utf-8",
                "/search-index.json", "application/json",
                "/robots.txt", "text/plain; charset=utf-8",
                "/404.html", "text/html; charset=utf-8"));
        for (Map.Entry<String, String> e : types.entrySet()) {
            HttpResponse<String> response = get(e.getKey());
            assertThat(response.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void folderWithoutSlashRedirectsToTheSlashedAddress() throws Exception {
        HttpResponse<String> response = get("/research/" + ReferenceSummary.SLUG + "?ref=feed");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location"))
                .contains("/research/" + ReferenceSummary.SLUG + "/?ref=feed");
    }

    @Test
    void oldSlugsRedirectAndUnpublishedOnesAreGone() throws Exception {
        for (String path : List.of("/research/" + StandardSite.RENAMED_OLD_SLUG + "/",
                "/research/" + StandardSite.RENAMED_OLD_SLUG,
                "/research/" + StandardSite.RENAMED_OLD_SLUG + "/index.html")) {
            HttpResponse<String> moved = get(path);
            assertThat(moved.statusCode()).as(path).isEqualTo(301);
            assertThat(moved.headers().firstValue("location")).as(path)
                    .contains("/research/" + StandardSite.RENAMED_SLUG + "/");
        }
        for (String slug : List.of(StandardSite.UNPUBLISHED_SLUG, StandardSite.UNPUBLISHED_OLD_SLUG)) {
            HttpResponse<String> gone = get("/research/" + slug + "/");
            assertThat(gone.statusCode()).as(slug).isEqualTo(410);
            assertThat(gone.body()).contains("<h1>Summary removed</h1>");
        }
        HttpResponse<String> retracted = get("/research/" + StandardSite.RETRACTED_SLUG + "/");
        assertThat(retracted.statusCode()).isEqualTo(200);
        assertThat(retracted.body()).contains("Retraction notice");
    }

    @Test
    void missingPathsGetTheNotFoundPage() throws Exception {
        for (String path : List.of("/no/such/page/", "/research/nothing-here/", "/_redirects.map",
                "/.publish.lock", "/assets/missing.css")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("<h1>Page not found</h1>");
            assertThat(response.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        }
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        for (String path : List.of("/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/research/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/a%00b")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContain(SECRET);
        }
        for (String path : List.of("/../secret.txt", "/../../secret.txt", "/research/../../secret.txt",
                "/./index.html", "/%zz", "/%c0%ae%c0%ae/secret.txt")) {
            String raw = rawGet(path);
            assertThat(raw).as(path).startsWith("HTTP/1.1 400").doesNotContain(SECRET);
        }
    }

    @Test
    void conditionalAndHeadRequestsAndOtherMethods() throws Exception {
        HttpResponse<String> first = get("/about/");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(uri("/about/"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/about/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-type")).contains("text/html; charset=utf-8");

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/about/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).contains("GET, HEAD");
    }

    @Test
    void aNewPublishIsServedFromTheNextRequestOn(@TempDir Path otherRoot) throws Exception {
        try (StaticSite.Running other = StaticSite.start(otherRoot,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2)) {
            HttpResponse<String> before = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(before.statusCode()).isEqualTo(503);

            SiteFolder.publish(otherRoot, SiteRenderer.render(Fixtures.many(1), Fixtures.settings()));
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/research/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.body()).contains("Study number 1").doesNotContain("Study number 2");

            SiteFolder.publish(otherRoot, SiteRenderer.render(Fixtures.many(2), Fixtures.settings()));
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/research/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.body()).contains("Study number 2");
        }
    }

    @Test
    void extraEndpointsCanBeMountedBesideTheSite() throws Exception {
        server.server().createContext("/api/ping", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        assertThat(get("/api/ping").body()).isEqualTo("pong");
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Sends the request line exactly as written, since HTTP clients may normalise "..". */
    private static String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
