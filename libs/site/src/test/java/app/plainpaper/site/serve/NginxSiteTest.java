package app.plainpaper.site.serve;

import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository's nginx config (ops/nginx/default.conf) serving a published site folder answers like StaticSite:
 * the same generated {@code _redirects.map} gives both their 301s and 410s. Runs the real nginx; skipped without it.
 */
class NginxSiteTest {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path CONFIG = Path.of("../../ops/nginx/default.conf");

    @TempDir
    static Path dir;
    static Process nginx;
    static StaticSite.Running local;
    static HttpClient client;
    static int nginxPort;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (Debian package nginx): skipped");
        Path root = dir.resolve("site");
        SiteFolder.publish(root, StandardSite.files());
        local = StaticSite.start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nginxPort = free.getLocalPort();
        }
        String server = Files.readString(CONFIG)
                .replace("/data/site", root.toAbsolutePath().toString())
                .replace("listen 80;", "listen 127.0.0.1:" + nginxPort + ";")
                .replace("http://publishing:8080", "http://127.0.0.1:9");
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String temp = prefix.toAbsolutePath().toString();
        String conf = "daemon off;\nmaster_process off;\npid " + temp + "/nginx.pid;\nerror_log " + temp + "/error.log;\n"
                + "events {}\nhttp {\n include /etc/nginx/mime.types;\n access_log off;\n"
                + " client_body_temp_path " + temp + "/body;\n proxy_temp_path " + temp + "/proxy;\n"
                + " fastcgi_temp_path " + temp + "/fastcgi;\n uwsgi_temp_path " + temp + "/uwsgi;\n scgi_temp_path " + temp + "/scgi;\n"
                + server + "\n}\n";
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-p", temp, "-e", temp + "/error.log", "-c", confFile.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(prefix.resolve("out.log"))
                        + Files.readString(prefix.resolve("error.log")));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), nginxPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        if (local != null) {
            local.close();
        }
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Optional<String> locationPath(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> URI.create(l).getRawPath()
                + (URI.create(l).getRawQuery() == null ? "" : "?" + URI.create(l).getRawQuery()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/research/", "/research/" + StandardSite.RETRACTED_SLUG + "/",
            "/research/" + StandardSite.PREPRINT_SLUG + "/index.html",
            "/research/" + StandardSite.RENAMED_OLD_SLUG + "/", "/research/" + StandardSite.RENAMED_OLD_SLUG,
            "/research/" + StandardSite.RENAMED_OLD_SLUG + "/?utm=x",
            "/research/" + StandardSite.UNPUBLISHED_SLUG + "/", "/research/" + StandardSite.UNPUBLISHED_OLD_SLUG,
            "/no-such-page/", "/_redirects.map", "/.publish.lock", "/feed.xml", "/sitemap.xml", "/search-index.json",
            "/research"})
    void nginxAnswersAsTheLocalServerDoes(String path) throws Exception {
        var fromNginx = get(nginxPort, path);
        var fromLocal = get(local.port(), path);
        assertThat(fromNginx.statusCode()).as("status of %s", path).isEqualTo(fromLocal.statusCode());
        assertThat(locationPath(fromNginx)).as("Location of %s", path).isEqualTo(locationPath(fromLocal));
        if (fromLocal.statusCode() != 301) {
            assertThat(fromNginx.body()).as("body of %s", path).isEqualTo(fromLocal.body());
            assertThat(fromNginx.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()))
                    .as("type of %s", path)
                    .isEqualTo(fromLocal.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()));
        }
    }

    @Test
    void goneAndMovedComeFromTheGeneratedMap() throws Exception {
        var gone = get(nginxPort, "/research/" + StandardSite.UNPUBLISHED_SLUG + "/");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).isEqualTo(StandardSite.text("410.html"));
        var moved = get(nginxPort, "/research/" + StandardSite.RENAMED_OLD_SLUG + "/");
        assertThat(locationPath(moved)).hasValue("/research/" + StandardSite.RENAMED_SLUG + "/");
        var asset = StandardSite.files().keySet().stream().filter(p -> p.startsWith("assets/site.")).findFirst().orElseThrow();
        assertThat(get(nginxPort, "/" + asset).headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(nginxPort, "/").headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
