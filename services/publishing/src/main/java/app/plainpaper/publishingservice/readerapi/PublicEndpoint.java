package app.plainpaper.publishingservice.readerapi;

import app.plainpaper.site.markup.Markup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The common edge of the public reader endpoints on the site's origin: methods, per-client rate limit, content type,
 * body size, strict form parsing, and the answer as JSON (script) or an escaped page (a plain form post).
 */
public abstract class PublicEndpoint implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(PublicEndpoint.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = "application/x-www-form-urlencoded";

    /** Where the request came from and what it said. */
    public record Request(String method, String path, Map<String, String> form, Map<String, String> query, String client) {

        public String field(String name) {
            return form.get(name);
        }
    }

    /** The limits and rules of one endpoint. */
    public record Rules(Set<String> methods, RateLimiter limiter, int maxBodyBytes, boolean formBodyRequired) {
    }

    private final Rules rules;
    private final ClientAddresses clients;

    protected PublicEndpoint(Rules rules, ClientAddresses clients) {
        this.rules = rules;
        this.clients = clients;
    }

    protected abstract Reply answer(Request request);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean json = wantsJson(exchange.getRequestHeaders().getFirst("Accept"));
            try {
                send(exchange, answer(read(exchange)), json);
            } catch (Refusal refusal) {
                refuse(exchange, refusal, json);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reader endpoint " + exchange.getRequestURI().getPath() + " failed", e);
                refuse(exchange, new Refusal(503, "Try again later",
                        "We could not record this just now. Please try again in a few minutes."), json);
            }
        }
    }

    private Request read(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
            throw new Refusal(404, "Not found", "There is nothing at this address.");  // contexts match by prefix
        }
        String method = exchange.getRequestMethod();
        if (!rules.methods().contains(method)) {
            throw new Refusal(405, "Method not allowed", "Use " + String.join(" or ", rules.methods()) + ".",
                    Map.of("Allow", String.join(", ", rules.methods())));
        }
        String client = clients.of(exchange.getRemoteAddress(), exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
        if (rules.limiter() != null && (method.equals("POST") || method.equals("DELETE"))) {
            Duration wait = rules.limiter().retryAfter(client);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw new Refusal(429, "Too many requests", "Please wait " + seconds + " seconds and try again.",
                        Map.of("Retry-After", Long.toString(seconds)));
            }
        }
        Map<String, String> form = Map.of();
        if (method.equals("POST")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean isForm = type != null && type.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(FORM);
            if (rules.formBodyRequired() && !isForm) {
                throw new Refusal(415, "Unsupported content type", "Send the form as " + FORM + ".",
                        Map.of("Accept-Post", FORM));
            }
            String body = body(exchange);
            form = isForm ? FormBody.parse(body) : Map.of();
        }
        Map<String, String> query = FormBody.parse(exchange.getRequestURI().getRawQuery());
        return new Request(method, exchange.getRequestURI().getPath(), form, query, client);
    }

    private String body(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > rules.maxBodyBytes()) {
                    throw tooLarge();  // answered at once; the connection is closed without reading the body
                }
            } catch (NumberFormatException e) {
                throw new Refusal(400, "Bad request", "Content-Length is not a number.");
            }
        }
        // Chunked bodies have no length up front: read at most one byte past the limit.
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(rules.maxBodyBytes() + 1);
        if (bytes.length > rules.maxBodyBytes()) {
            drain(in);
            throw tooLarge();
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads away a modest excess so the client, still sending, gets to see the 413; beyond that the connection is
     * simply closed (like Tomcat's swallow limit).
     */
    private static void drain(InputStream in) throws IOException {
        long left = 1 << 20;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                break;
            }
            left -= skipped;
        }
    }

    private Refusal tooLarge() {
        return new Refusal(413, "Request too large", "The request body may hold at most " + rules.maxBodyBytes() + " bytes.");
    }

    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return (lower.contains("application/json") || lower.contains("application/problem+json")) && !lower.contains("text/html");
    }

    private static void send(HttpExchange exchange, Reply reply, boolean json) throws IOException {
        if (json) {
            write(exchange, reply.status(), "application/json", JSON.writeValueAsBytes(reply.json()));
        } else {
            write(exchange, reply.status(), "text/html; charset=utf-8", page(reply, exchange.getRequestURI().toString()));
        }
    }

    private static void refuse(HttpExchange exchange, Refusal refusal, boolean json) throws IOException {
        refusal.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (json) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", refusal.title());
            problem.put("status", refusal.status());
            problem.put("detail", refusal.detail());
            write(exchange, refusal.status(), "application/problem+json", JSON.writeValueAsBytes(problem));
        } else {
            Reply page = Reply.of(refusal.status(), refusal.title(), refusal.detail(), Map.of());
            write(exchange, refusal.status(), "text/html; charset=utf-8", page(page, null));
        }
    }

    private static byte[] page(Reply reply, String selfUri) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(Markup.escape(reply.title())).append(" | Spinal Cord Research Help</title>\n")
                .append("</head>\n<body>\n<main id=\"main\">\n<h1>").append(Markup.escape(reply.title())).append("</h1>\n")
                .append("<p>").append(Markup.escape(reply.message())).append("</p>\n");
        if (reply.buttonLabel() != null && selfUri != null) {
            html.append("<form method=\"post\" action=\"").append(Markup.escape(selfUri)).append("\">\n")
                    .append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n")
                    .append("<button type=\"submit\">").append(Markup.escape(reply.buttonLabel())).append("</button>\n</form>\n");
        }
        if (reply.note() != null) {
            html.append("<p>").append(Markup.escape(reply.note())).append(' ');
            html.append("<a href=\"").append(Markup.escape(reply.noteLink())).append("\">").append(Markup.escape(reply.noteLinkText()))
                    .append("</a></p>\n");
        }
        if (reply.link() != null) {
            html.append("<p><a href=\"").append(Markup.escape(reply.link())).append("\">").append(Markup.escape(reply.linkText()))
                    .append("</a></p>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        // Tokens travel in these URLs: never pass them on as a referrer.
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
