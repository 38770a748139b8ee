package app.plainpaper.site.serve;

import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ops/nginx/reload-on-publish.sh with the real nginx: after a publish that unpublishes a summary, nginx re-reads the
 * generated map and answers 410 for it. Skipped without nginx.
 */
class NginxReloadTest {

    @TempDir
    Path dir;
    Process nginx;
    Path pidFile;

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        // The reload loop ends once the site folder is gone (TempDir removes it).
    }

    @Test
    void aNewReleaseIsPickedUpWithoutARestart() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NginxSiteTest.NGINX), "nginx is not installed: skipped");
        Path root = dir.resolve("site");
        SortedMap<String, byte[]> before = new TreeMap<>(StandardSite.files());
        String gonePath = "research/" + StandardSite.PREPRINT_SLUG + "/index.html";
        // First release: the preprint's page is live. Second: the same site with the preprint unpublished.
        SiteFolder.publish(root, before);

        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String p = prefix.toAbsolutePath().toString();
        String server = Files.readString(NginxSiteTest.CONFIG)
                .replace("/data/site", root.toAbsolutePath().toString())
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("http://publishing:8080", "http://127.0.0.1:9");
        Files.writeString(prefix.resolve("server.conf"), server);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, "daemon off;\nuser root;\npid " + p + "/nginx.pid;\nerror_log " + p + "/error.log;\nworker_processes 1;\n"
                + "events {}\nhttp {\n include /etc/nginx/mime.types;\n access_log off;\n"
                + " client_body_temp_path " + p + "/body;\n proxy_temp_path " + p + "/proxy;\n fastcgi_temp_path " + p + "/fastcgi;\n"
                + " uwsgi_temp_path " + p + "/uwsgi;\n scgi_temp_path " + p + "/scgi;\n include " + p + "/server.conf;\n}\n");
        // The script calls plain `nginx`: a wrapper on PATH points it at this instance.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wrapper = bin.resolve("nginx");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + NginxSiteTest.NGINX + " -p " + p + " -e " + p + "/error.log -c " + conf + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        nginx = new ProcessBuilder(wrapper.toString()).redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI gone = URI.create("http://127.0.0.1:" + port + "/research/" + StandardSite.PREPRINT_SLUG + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(client.send(HttpRequest.newBuilder(gone).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        ProcessBuilder script = new ProcessBuilder("sh", Path.of("../../ops/nginx/reload-on-publish.sh").toAbsolutePath().toString());
        script.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        script.environment().put("PLAINPAPER_SITE", root.toString());
        script.environment().put("PLAINPAPER_RELOAD_INTERVAL", "1");
        assertThat(script.redirectErrorStream(true).start().waitFor()).as("the script returns at once; its loop runs on").isZero();

        SortedMap<String, byte[]> after = new TreeMap<>(before);
        after.remove(gonePath);
        after.put("_redirects.map", (new String(before.get("_redirects.map"), java.nio.charset.StandardCharsets.UTF_8)
                + "/research/" + StandardSite.PREPRINT_SLUG + "/ 410;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SiteFolder.publish(root, after);

        await().atMost(Duration.ofSeconds(20)).until(() -> client.send(HttpRequest.newBuilder(gone).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 410);
        Files.delete(root.resolve("current"));
    }
}
