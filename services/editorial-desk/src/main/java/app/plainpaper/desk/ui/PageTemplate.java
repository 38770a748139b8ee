package app.plainpaper.desk.ui;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A static page with a few {{placeholders}} filled in on the server (the CSRF token, the signed-in user). Every value is
 * HTML-escaped; the pages render their data in the browser with textContent.
 */
final class PageTemplate {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private PageTemplate() {
    }

    static String render(String name, Map<String, String> values) {
        String page = CACHE.computeIfAbsent(name, PageTemplate::read);
        for (var value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue() == null ? "" : value.getValue()));
        }
        return page;
    }

    private static String read(String name) {
        try (var in = new ClassPathResource("static/desk/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing page template " + name, e);
        }
    }
}
