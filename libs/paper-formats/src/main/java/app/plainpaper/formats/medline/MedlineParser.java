package app.plainpaper.formats.medline;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.text.Dates;
import app.plainpaper.formats.text.Doi;
import app.plainpaper.formats.text.PlainText;
import app.plainpaper.formats.text.StructuredAbstract;
import app.plainpaper.formats.text.TextFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PubMed's MEDLINE tagged format (.nbib, "Save → PubMed format"): records separated by blank lines,
 * four-character tags ({@code PMID- }, {@code AB  - }), continuation lines indented by six spaces.
 */
public final class MedlineParser {

    private static final Pattern TAG_LINE = Pattern.compile("^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$");
    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");

    /** Throws only {@link RejectedFileException}: binary data, or no MEDLINE record at all. */
    public List<ParsedRecord> parse(InputStream in) {
        String text = TextFile.read(in, "MEDLINE");
        List<List<String>> raw = split(text);
        if (raw.isEmpty()) {
            throw new RejectedFileException("UNEXPECTED_CONTENT", "no MEDLINE record (expected lines like 'PMID- 123')", null);
        }
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                records.add(record(i + 1, raw.get(i)));
            } catch (RuntimeException unexpected) {
                records.add(new ParsedRecord.Rejected(i + 1, null, "unreadable record: " + unexpected));
            }
        }
        return List.copyOf(records);
    }

    /** Records are runs of non-blank lines that hold at least one tag line. */
    private static List<List<String>> split(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
            if (line.isBlank()) {
                flush(out, current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        flush(out, current);
        return out;
    }

    private static void flush(List<List<String>> out, List<String> lines) {
        if (lines.stream().anyMatch(l -> TAG_LINE.matcher(l).matches())) out.add(lines);
    }

    /** One field as written, in order: tag and value with continuation lines joined. */
    private record Field(String tag, String value) {
    }

    private static ParsedRecord record(int position, List<String> lines) {
        List<Field> fields = new ArrayList<>();
        for (String line : lines) {
            Matcher m = TAG_LINE.matcher(line);
            if (m.matches() && !line.startsWith(" ")) {
                fields.add(new Field(m.group(1), m.group(2)));
            } else if (!fields.isEmpty()) {
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.tag(), last.value() + " " + line.strip()));
            }
        }
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        for (Field f : fields) byTag.computeIfAbsent(f.tag(), t -> new ArrayList<>()).add(f.value().strip());
        String pmid = first(byTag, "PMID");
        if (pmid != null && !pmid.matches("\\d{1,9}")) pmid = null;
        String doi = null;
        String pmcid = first(byTag, "PMC");
        for (String tag : List.of("LID", "AID")) {
            for (String id : byTag.getOrDefault(tag, List.of())) {
                if (doi == null && id.endsWith("[doi]")) doi = Doi.clean(id.substring(0, id.length() - 5));
                if (pmcid == null && id.endsWith("[pmc]")) pmcid = id.substring(0, id.length() - 5).strip();
            }
        }
        String identifier = pmid != null ? pmid : doi;
        String bad = TextFile.badText(String.join("\n", lines));
        if (bad != null) return new ParsedRecord.Rejected(position, identifier, bad);
        String title = PlainText.clean(first(byTag, "TI"));
        if (title == null) title = PlainText.clean(first(byTag, "BTI"));
        if (title == null) return new ParsedRecord.Rejected(position, identifier, "no title");
        var sections = StructuredAbstract.sections(first(byTag, "AB"));
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, identifier, "no abstract");
        List<String> types = clean(byTag.getOrDefault("PT", List.of()));
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                doi,
                pmid,
                pmcid,
                PlainText.clean(first(byTag, "JT") != null ? first(byTag, "JT") : first(byTag, "TA")),
                date(first(byTag, "DP")),
                authors(fields),
                sections,
                clean(byTag.getOrDefault("OT", List.of()).stream().map(k -> k.replaceFirst("^\\*", "")).toList()),
                mesh(byTag.getOrDefault("MH", List.of())),
                types,
                null,
                first(byTag, "LA"),
                types.stream().anyMatch(t -> t.equalsIgnoreCase("Retracted Publication")),
                types.stream().anyMatch(t -> t.equalsIgnoreCase("Preprint")),
                null));
    }

    /** FAU (or AU) starts an author; the AD and AUID lines after it belong to that author. CN is a group. */
    private static List<Author> authors(List<Field> fields) {
        boolean hasFull = fields.stream().anyMatch(f -> f.tag().equals("FAU"));
        String nameTag = hasFull ? "FAU" : "AU";
        List<Author> out = new ArrayList<>();
        String family = null;
        String given = null;
        String orcid = null;
        List<String> affiliations = new ArrayList<>();
        boolean open = false;
        for (Field f : fields) {
            String value = PlainText.clean(f.value());
            if (value == null) continue;
            if (f.tag().equals(nameTag) || f.tag().equals("CN")) {
                if (open) out.add(new Author(family, given, null, orcid, affiliations));
                open = false;
                if (f.tag().equals("CN")) {
                    out.add(new Author(null, null, value, null, List.of()));
                    continue;
                }
                int comma = value.indexOf(',');
                if (comma > 0) {
                    family = value.substring(0, comma).strip();
                    given = PlainText.clean(value.substring(comma + 1));
                } else {
                    int space = value.lastIndexOf(' ');
                    family = space > 0 ? value.substring(0, space) : value;
                    given = space > 0 ? value.substring(space + 1) : null;
                }
                orcid = null;
                affiliations = new ArrayList<>();
                open = true;
            } else if (open && f.tag().equals("AD")) {
                affiliations.add(value);
            } else if (open && f.tag().equals("AUID")) {
                Matcher m = ORCID.matcher(value);
                if (m.find()) orcid = m.group(1).toUpperCase(Locale.ROOT);
            }
        }
        if (open) out.add(new Author(family, given, null, orcid, affiliations));
        return out;
    }

    /** "2012 Oct", "2006 Mar 1", "2019 Jan-Feb", "2018 Winter". */
    static PublicationDate date(String dp) {
        if (dp == null) return null;
        String[] parts = dp.strip().split("[\\s]+");
        Integer year = parts[0].matches("\\d{4}") ? Integer.parseInt(parts[0]) : null;
        Integer month = parts.length > 1 ? Dates.month(parts[1].split("-")[0]) : null;
        Integer day = parts.length > 2 ? Dates.number(parts[2].split("-")[0]) : null;
        return Dates.of(year, month, day);
    }

    /** MeSH headings without qualifiers and major-topic stars: "Adenocarcinoma/*genetics" is "Adenocarcinoma". */
    private static List<String> mesh(List<String> headings) {
        List<String> out = new ArrayList<>();
        for (String h : headings) {
            String term = PlainText.clean(h.split("/")[0].replace("*", ""));
            if (term != null) out.add(term);
        }
        return out;
    }

    private static List<String> clean(List<String> values) {
        return values.stream().map(PlainText::clean).filter(v -> v != null).toList();
    }

    private static String first(Map<String, List<String>> byTag, String tag) {
        List<String> values = byTag.get(tag);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }
}
