package app.plainpaper.benchmarks;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.serve.StaticSite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serving throughput of the local site server ({@link StaticSite}, as the publishing service runs it, 4 threads)
 * against nginx with the repository's config (ops/nginx/default.conf) serving the same published folder. Both are
 * loaded with wrk on the same machine, the same pages, one after the other; nginx is the baseline.
 *
 * <p>Run from the repository root:
 * {@code java -cp ops/benchmarks/target/benchmarks.jar app.plainpaper.benchmarks.SiteServingBenchmark [summaries] [seconds]}
 */
public final class SiteServingBenchmark {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path WRK = Path.of("/usr/bin/wrk");
    static final Path CONFIG = Path.of("ops/nginx/default.conf");
    static final int WRK_THREADS = 2;
    static final int CONNECTIONS = 32;
    static final int SERVER_THREADS = 4; // as services/publishing SiteServer starts it

    /** One wrk run's figures. */
    record Load(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    private SiteServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        for (Path tool : List.of(NGINX, WRK)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is not installed (Debian packages nginx-light, wrk)");
            }
        }
        if (!Files.isRegularFile(CONFIG)) {
            throw new IllegalStateException("run from the repository root: " + CONFIG + " not found");
        }
        Path dir = Files.createTempDirectory("plainpaper-serving-");
        // nginx's workers drop to an unprivileged user when started as root: they must be able to read the site.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Process nginx = null;
        try {
            Path root = dir.resolve("site");
            Map<String, byte[]> files = SiteRenderer.render(SiteCorpus.summaries(count), SiteCorpus.settings());
            SiteFolder.publish(root, files);
            String summary = "/research/" + SiteCorpus.summaries(count / 2).get(count / 2 - 1).slug() + "/";
            String asset = "/" + files.keySet().stream().filter(p -> p.startsWith("assets/") && p.endsWith(".css"))
                    .findFirst().orElseThrow();
            List<String> paths = List.of(summary, "/", asset);
            System.out.printf(Locale.ROOT, "%s: %d summaries, %d files rendered into %s%n", Instant.now(), count,
                    files.size(), root);

            int nginxPort = freePort();
            nginx = startNginx(root, dir.resolve("nginx"), nginxPort);
            try (StaticSite.Running ours = StaticSite.start(root,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SERVER_THREADS)) {
                HttpClient client = HttpClient.newHttpClient();
                for (String path : paths) {
                    byte[] fromNginx = get(client, nginxPort, path);
                    byte[] fromOurs = get(client, ours.port(), path);
                    if (!java.util.Arrays.equals(fromNginx, fromOurs)) {
                        throw new IllegalStateException("nginx and StaticSite answer " + path + " differently");
                    }
                    System.out.printf(Locale.ROOT, "%s: %d bytes from both%n", path, fromOurs.length);
                }
                System.out.printf(Locale.ROOT, "load: %s%n", loadAverage());
                System.out.printf(Locale.ROOT, "| Page | Server | Requests/s | p50 ms | p99 ms | Requests | Errors |%n");
                System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
                List<String> ratios = new ArrayList<>();
                for (String path : paths) {
                    // A short run each first: warms StaticSite's JIT and the page cache, not measured.
                    wrk(nginxPort, path, 5);
                    wrk(ours.port(), path, 5);
                    Load base = wrk(nginxPort, path, seconds);
                    Load mine = wrk(ours.port(), path, seconds);
                    row(path, "nginx (baseline)", base);
                    row(path, "StaticSite", mine);
                    ratios.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", path,
                            mine.requestsPerSecond() / base.requestsPerSecond(),
                            mine.p50Millis() / base.p50Millis(), mine.p99Millis() / base.p99Millis()));
                }
                System.out.printf(Locale.ROOT, "%n| Page | Requests/s ratio (StaticSite / nginx) | p50 ratio | p99 ratio |%n");
                System.out.printf(Locale.ROOT, "|---|---|---|---|%n");
                ratios.forEach(System.out::println);
                System.out.printf(Locale.ROOT, "load: %s%n", loadAverage());
            }
        } finally {
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor();
            }
            deleteTree(dir);
        }
    }

    private static void row(String path, String server, Load load) {
        System.out.printf(Locale.ROOT, "| `%s` | %s | %,.0f | %.2f | %.2f | %,d | %d |%n", path, server,
                load.requestsPerSecond(), load.p50Millis(), load.p99Millis(), load.requests(), load.errors());
    }

    static Load wrk(int port, String path, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(WRK.toString(), "-t" + WRK_THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency", "http://127.0.0.1:" + port + path).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return parse(out);
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Parses wrk's text report (run with --latency). */
    static Load parse(String out) {
        double rps = Double.parseDouble(find(RPS, out).group(1));
        long total = Long.parseLong(find(TOTAL, out).group(1));
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            double ms = switch (m.group(3)) {
                case "us" -> v / 1000;
                case "ms" -> v;
                case "s" -> v * 1000;
                default -> v * 60_000;
            };
            if (m.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalStateException("no latency distribution in wrk's output: " + out);
        }
        long errors = 0;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) {
            errors += Long.parseLong(n.group(1));
        }
        Matcher s = SOCKET_ERRORS.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(s.group(g));
            }
        }
        return new Load(rps, p50, p99, total, errors);
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("'" + pattern + "' not in wrk's output: " + text);
        }
        return m;
    }

    /** nginx with the repo's server block, as NginxSiteTest runs it, but with a master and one worker per core. */
    private static Process startNginx(Path root, Path prefix, int port) throws Exception {
        String server = Files.readString(CONFIG)
                .replace("/data/site", root.toAbsolutePath().toString())
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("http://publishing:8080", "http://127.0.0.1:9");
        Files.createDirectories(prefix);
        String temp = prefix.toAbsolutePath().toString();
        String conf = "daemon off;\nworker_processes auto;\npid " + temp + "/nginx.pid;\nerror_log " + temp
                + "/error.log;\nevents { worker_connections 1024; }\nhttp {\n include /etc/nginx/mime.types;\n"
                + " access_log off;\n sendfile on;\n"
                + " client_body_temp_path " + temp + "/body;\n proxy_temp_path " + temp + "/proxy;\n"
                + " fastcgi_temp_path " + temp + "/fastcgi;\n uwsgi_temp_path " + temp + "/uwsgi;\n scgi_temp_path "
                + temp + "/scgi;\n" + server + "\n}\n";
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", temp, "-e", temp + "/error.log", "-c",
                confFile.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(prefix.resolve("out.log")));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return nginx;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    nginx.destroy();
                    throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
                }
                nginx.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS); // poll, not sleep-and-hope
            }
        }
    }

    private static byte[] get(HttpClient client, int port, String path) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " on port " + port + " answered " + r.statusCode());
        }
        return r.body();
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
