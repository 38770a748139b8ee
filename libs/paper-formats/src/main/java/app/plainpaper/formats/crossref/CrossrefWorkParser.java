package app.plainpaper.formats.crossref;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.jats.JatsXmlParser;
import app.plainpaper.formats.text.Doi;
import app.plainpaper.formats.text.PlainText;
import app.plainpaper.formats.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Crossref REST API JSON: one work from {@code /works/{doi}} (with or without the
 * {@code status}/{@code message-type}/{@code message} envelope) or a list from {@code /works?query=}
 * ({@code message.items}). The JATS-in-JSON {@code abstract} is parsed through {@link SafeXml}.
 */
public final class CrossrefWorkParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DATE_PREFERENCE = List.of("published", "issued", "published-print",
            "published-online");
    /** Namespaces Crossref abstracts use with prefixes; an undeclared prefix would make the fragment unreadable. */
    private static final String WRAPPER_OPEN = "<abstract xmlns:jats=\"http://www.ncbi.nlm.nih.gov/JATS1\""
            + " xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " xmlns:ali=\"http://www.niso.org/schemas/ali/1.0/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");

    /** Throws only {@link RejectedFileException}: {@code MALFORMED} (not JSON) or {@code UNEXPECTED_ROOT}. */
    public List<ParsedRecord> parse(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new RejectedFileException("MALFORMED", "not valid JSON: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new RejectedFileException("MALFORMED", "unreadable JSON: " + e, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new RejectedFileException("MALFORMED", "empty file", null);
        }
        List<JsonNode> works = works(root);
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            try {
                records.add(work(i + 1, works.get(i)));
            } catch (RuntimeException unexpected) {
                records.add(new ParsedRecord.Rejected(i + 1, null, "unreadable record: " + unexpected));
            }
        }
        return List.copyOf(records);
    }

    private static List<JsonNode> works(JsonNode root) {
        JsonNode message = root.isObject() && root.has("message") ? root.get("message") : root;
        if (message.isObject() && message.get("items") != null && message.get("items").isArray()) {
            return elements(message.get("items"));
        }
        if (message.isArray()) return elements(message);
        if (message.isObject() && (message.has("DOI") || message.has("title"))) return List.of(message);
        throw new RejectedFileException("UNEXPECTED_ROOT",
                "not a Crossref work or work list (expected DOI/title, or message.items)", null);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n);
        return out;
    }

    private static ParsedRecord work(int position, JsonNode w) {
        if (!w.isObject()) return new ParsedRecord.Rejected(position, null, "not a Crossref work object");
        String doi = Doi.clean(string(w.get("DOI")));
        String title = PlainText.ofMarkup(first(w.get("title")));
        if (title == null) return new ParsedRecord.Rejected(position, doi, "no title");
        List<AbstractSection> sections = abstractSections(string(w.get("abstract")));
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, doi, "no abstract");
        String type = string(w.get("type"));
        List<String> subjects = new ArrayList<>();
        for (JsonNode s : iterable(w.get("subject"))) {
            if (string(s) != null) subjects.add(string(s).strip());
        }
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                doi,
                null,
                null,
                PlainText.ofMarkup(first(w.get("container-title"))),
                date(w),
                authors(w.get("author")),
                sections,
                subjects,
                List.of(),
                type == null ? List.of() : List.of(type),
                licence(w.get("license")),
                string(w.get("language")),
                retracted(w),
                "posted-content".equals(type) || "preprint".equals(string(w.get("subtype"))),
                null));
    }

    /** The work is, or announces, a retraction: {@code update-to} (or newer {@code updated-by}) of type retraction. */
    private static boolean retracted(JsonNode w) {
        for (String field : List.of("update-to", "updated-by")) {
            for (JsonNode u : iterable(w.get(field))) {
                String type = string(u.get("type"));
                if (type != null && (type.equalsIgnoreCase("retraction") || type.equalsIgnoreCase("removal"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * JATS-in-JSON abstract as labelled sections. The fragment is hostile input: it is parsed only through
     * SafeXml inside a wrapper we write; if it is not well-formed (HTML entities, stray tags) its text is
     * kept with the tags removed, and nothing in it is ever resolved.
     */
    static List<AbstractSection> abstractSections(String jats) {
        if (jats == null || jats.isBlank()) return List.of();
        List<AbstractSection> sections;
        try {
            String xml = WRAPPER_OPEN + jats + "</abstract>";
            Element root = SafeXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            sections = new ArrayList<>(JatsXmlParser.abstractSections(root));
        } catch (RuntimeException notWellFormed) {
            String text = PlainText.ofMarkup(jats);
            return text == null ? List.of() : List.of(new AbstractSection(null, text));
        }
        // A lone "Abstract" heading is the section's title, not a label worth keeping.
        sections.removeIf(s -> s.text() == null || s.text().isBlank());
        return sections;
    }

    private static PublicationDate date(JsonNode w) {
        for (String field : DATE_PREFERENCE) {
            JsonNode parts = w.path(field).path("date-parts").path(0);
            if (!parts.isArray() || parts.isEmpty() || !parts.get(0).isIntegralNumber()) continue;
            int year = parts.get(0).asInt();
            if (year < 1000 || year > 9999) continue;
            Integer month = part(parts, 1, 12);
            Integer day = month == null ? null : part(parts, 2, 31);
            return new PublicationDate(year, month, day);
        }
        return null;
    }

    private static Integer part(JsonNode parts, int index, int max) {
        JsonNode n = parts.get(index);
        if (n == null || !n.isIntegralNumber()) return null;
        int v = n.asInt();
        return v >= 1 && v <= max ? v : null;
    }

    private static List<Author> authors(JsonNode list) {
        List<Author> out = new ArrayList<>();
        for (JsonNode a : iterable(list)) {
            if (!a.isObject()) continue;
            List<String> affiliations = new ArrayList<>();
            for (JsonNode aff : iterable(a.get("affiliation"))) {
                String name = PlainText.ofMarkup(string(aff.get("name")));
                if (name != null) affiliations.add(name);
            }
            String family = PlainText.ofMarkup(string(a.get("family")));
            String given = PlainText.ofMarkup(string(a.get("given")));
            String collective = family == null ? PlainText.ofMarkup(string(a.get("name"))) : null;
            if (family == null && collective == null) continue;
            out.add(new Author(family, given, collective, orcid(string(a.get("ORCID"))), affiliations));
        }
        return out;
    }

    private static String orcid(String raw) {
        if (raw == null) return null;
        Matcher m = ORCID.matcher(raw);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /** The version-of-record licence URL when given, else the first. */
    private static String licence(JsonNode list) {
        String first = null;
        for (JsonNode l : iterable(list)) {
            String url = string(l.get("URL"));
            if (url == null) continue;
            if ("vor".equals(string(l.get("content-version")))) return url.strip();
            if (first == null) first = url.strip();
        }
        return first;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static String first(JsonNode node) {
        if (node == null) return null;
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (string(n) != null) return string(n);
            }
            return null;
        }
        return string(node);
    }

    private static String string(JsonNode node) {
        if (node == null || !node.isString()) return null;
        String s = node.stringValue();
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
