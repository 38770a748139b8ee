package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of the abstract record format ({@code {id, source, title, journal, year, doi, pmid,
 * sections:[{label,text}], abstract_text}}) as the engine's {@link SourcePaper}.
 */
public final class AbstractRecord {

    private AbstractRecord() {
    }

    static boolean looksLikeOne(JsonNode record) {
        return record.has("title") && (record.has("sections") || record.has("abstract_text"));
    }

    /** @throws IllegalArgumentException naming the field that is missing or of the wrong type */
    public static SourcePaper toPaper(JsonNode record) {
        String title = text(record, "title");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("no title");
        }
        JsonNode year = record.get("year");
        if (year != null && !year.isNull() && !year.isIntegralNumber()) {
            throw new IllegalArgumentException("year is not a whole number: " + year);
        }
        List<SourceSection> sections = new ArrayList<>();
        JsonNode given = record.get("sections");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new IllegalArgumentException("sections is not a list");
            }
            for (JsonNode s : given) {
                if (!s.isObject() || !s.has("text") || !s.get("text").isString()) {
                    throw new IllegalArgumentException("a section has no text: " + s);
                }
                sections.add(new SourceSection(text(s, "label"), s.get("text").stringValue()));
            }
        }
        if (sections.isEmpty()) {
            String abstractText = text(record, "abstract_text");
            if (abstractText == null || abstractText.isBlank()) {
                throw new IllegalArgumentException("neither sections nor abstract_text");
            }
            sections.add(new SourceSection(null, abstractText));
        }
        Integer y = year == null || year.isNull() ? null : year.intValue();
        return new SourcePaper(text(record, "id"), title, text(record, "journal"), y, sections,
                List.of(), List.of(), List.of());
    }

    /** The abstract as one text, section after section: what the draft's figures are measured against. */
    static String abstractText(SourcePaper paper) {
        return String.join("\n", paper.sections().stream().map(SourceSection::text).toList());
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new IllegalArgumentException(field + " is not a string: " + v);
        }
        return v.stringValue();
    }
}
