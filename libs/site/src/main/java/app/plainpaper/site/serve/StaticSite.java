package app.plainpaper.site.serve;

import app.plainpaper.site.redirect.RedirectMap;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Serves {@code siteRoot/current} over HTTP with the JDK's built-in server: content types, {@code index.html} for
 * folders, 301/410 from {@code _redirects.map}, {@code 404.html} for anything missing, ETags and cache headers.
 * Each request resolves {@code current} once, so one response never mixes two releases.
 *
 * <p>Paths with "." or ".." segments (also percent-encoded), backslashes or NUL are refused with 400; files whose
 * name starts with "." or "_" (such as the redirect map) are never served. Use {@link #start} for a server of its
 * own, or mount the handler on an existing {@link HttpServer} next to other endpoints.
 */
public final class StaticSite implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(StaticSite.class.getName());
    private static final Pattern FINGERPRINTED = Pattern.compile("^/assets/[a-z0-9-]+\\.[0-9a-f]{8,}\\.[a-z]+$");
    private static final String HTML_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final Path siteRoot;
    private volatile CachedMap redirects = new CachedMap(null, null);

    private record CachedMap(Path release, RedirectMap map) {
    }

    public StaticSite(Path siteRoot) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
    }

    /** A running server; close it to stop. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor;

        private Running(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        /** The underlying server, e.g. to add {@code /api/feedback} with {@code server().createContext(...)}. */
        public HttpServer server() {
            return server;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Starts a server on {@code address} (port 0 picks a free port) serving the site at "/". */
    public static Running start(Path siteRoot, InetSocketAddress address, int threads) throws IOException {
        // The JDK server leaves Nagle on by default: each response then waits ~40 ms for the client's delayed ACK
        // (measured in ops/benchmarks SiteServingBenchmark). It reads this once, before its first server starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address, 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "static-site-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new StaticSite(siteRoot));
        server.start();
        return new Running(server, executor);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serve(exchange);
            } catch (IOException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "failed to serve " + exchange.getRequestURI(), e);
                plain(exchange, 500, "Internal Server Error");
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            plain(exchange, 405, "Method Not Allowed");
            return;
        }
        Path release;
        try {
            release = siteRoot.resolve("current").toRealPath();
        } catch (NoSuchFileException e) {
            exchange.getResponseHeaders().set("Retry-After", "30");
            plain(exchange, 503, "The site has not been published yet.");
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<String> decoded = decodePath(rawPath);
        if (decoded.isEmpty()) {
            plain(exchange, 400, "Bad Request");
            return;
        }
        String path = decoded.get();
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.startsWith(".") || segment.startsWith("_")) {
                notFound(exchange, release, head);
                return;
            }
        }

        Optional<RedirectMap.Target> target = redirectMap(release).lookup(path);
        if (target.isPresent()) {
            if (target.get() instanceof RedirectMap.Moved moved) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("Location", moved.location() + (query == null ? "" : "?" + query));
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
                plain(exchange, 301, "Moved Permanently");
            } else {
                sendPage(exchange, release.resolve("410.html"), 410, head, "Gone");
            }
            return;
        }

        Path file = release.resolve(path.substring(1));
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
                plain(exchange, 301, "Moved Permanently");
                return;
            }
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || !insideRelease(file, release)) {
            notFound(exchange, release, head);
            return;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            notFound(exchange, release, head);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        String type = contentType(file.getFileName().toString());
        headers.set("Content-Type", type);
        securityHeaders(headers, type);
        headers.set("Cache-Control", FINGERPRINTED.matcher(path).matches()
                ? "public, max-age=31536000, immutable" : "no-cache");
        String etag = "\"" + etag(body) + "\"";
        headers.set("ETag", etag);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, body, head);
    }

    private void notFound(HttpExchange exchange, Path release, boolean head) throws IOException {
        sendPage(exchange, release.resolve("404.html"), 404, head, "Not Found");
    }

    private static void sendPage(HttpExchange exchange, Path page, int status, boolean head, String fallback)
            throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(page);
        } catch (IOException e) {
            plain(exchange, status, fallback);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", TYPES.get("html"));
        headers.set("Cache-Control", "no-cache");
        securityHeaders(headers, TYPES.get("html"));
        send(exchange, status, body, head);
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", TYPES.get("txt"));
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey("Cache-Control")) {
            headers.set("Cache-Control", "no-cache");
        }
        send(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8),
                "HEAD".equals(exchange.getRequestMethod()));
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void securityHeaders(Headers headers, String type) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (type.startsWith("text/html")) {
            headers.set("Content-Security-Policy", HTML_CSP);
        }
    }

    private RedirectMap redirectMap(Path release) throws IOException {
        CachedMap cached = redirects;
        if (release.equals(cached.release())) {
            return cached.map();
        }
        Path file = release.resolve(RedirectMap.FILE);
        RedirectMap map = Files.isRegularFile(file)
                ? RedirectMap.parse(Files.readString(file, StandardCharsets.UTF_8))
                : RedirectMap.parse("");
        redirects = new CachedMap(release, map);
        return map;
    }

    private static boolean insideRelease(Path file, Path release) throws IOException {
        try {
            return file.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(release)
                    && file.toRealPath().startsWith(release);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Strict percent-decoding of a URL path (no '+' to space). Empty when the path is malformed, not UTF-8, or
     * contains NUL, a backslash, or a "." / ".." segment.
     */
    static Optional<String> decodePath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7F) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(c);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0 || path.contains("//")) {
            return Optional.empty();
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    static String contentType(String fileName) {
        if (fileName.equals("feed.xml")) {
            return "application/atom+xml; charset=utf-8";
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
