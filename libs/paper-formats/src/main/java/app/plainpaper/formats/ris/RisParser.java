package app.plainpaper.formats.ris;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.text.Dates;
import app.plainpaper.formats.text.Doi;
import app.plainpaper.formats.text.PersonName;
import app.plainpaper.formats.text.PlainText;
import app.plainpaper.formats.text.StructuredAbstract;
import app.plainpaper.formats.text.TextFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RIS as Zotero, EndNote and Embase write it: {@code TY  - } opens a record, {@code ER  - } closes it.
 * Tolerates a UTF-8 BOM, {@code \r\n}, leading blank lines and EndNote's untagged continuation lines
 * (further keywords, or more text of the field above).
 */
public final class RisParser {

    private static final Pattern TAG_LINE = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");
    /** Tags whose continuation lines are further values (EndNote puts one keyword per line under one KW). */
    private static final Set<String> LISTS = Set.of("KW", "AU", "A1", "A2", "A3", "A4", "N1");
    private static final Pattern DOI_IN_URL = Pattern.compile("(?:doi\\.org/|doi:\\s*)(10\\.\\d{4,9}/[^\\s&?#]+)",
            Pattern.CASE_INSENSITIVE);

    /** Throws only {@link RejectedFileException}: binary data, or no RIS record at all. */
    public List<ParsedRecord> parse(InputStream in) {
        String text = TextFile.read(in, "RIS");
        List<List<String[]>> raw = new ArrayList<>();
        List<String> rawText = new ArrayList<>();
        List<String[]> current = null;
        StringBuilder currentText = new StringBuilder();
        for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
            Matcher m = TAG_LINE.matcher(line);
            if (m.matches()) {
                String tag = m.group(1);
                String value = m.group(2) == null ? "" : m.group(2);
                if (tag.equals("TY")) {
                    if (current != null) close(raw, rawText, current, currentText); // a missing ER: the next TY starts anew
                    current = new ArrayList<>();
                    currentText.setLength(0);
                } else if (tag.equals("ER")) {
                    if (current != null) close(raw, rawText, current, currentText);
                    current = null;
                    continue;
                }
                if (current != null) {
                    current.add(new String[] {tag, value});
                    currentText.append(line).append('\n');
                }
            } else if (current != null && !line.isBlank() && !current.isEmpty()) {
                String[] last = current.get(current.size() - 1);
                if (LISTS.contains(last[0])) {
                    current.add(new String[] {last[0], line.strip()});
                } else {
                    last[1] = last[1] + "\n" + line.strip();
                }
                currentText.append(line).append('\n');
            }
        }
        if (current != null && !current.isEmpty()) close(raw, rawText, current, currentText);
        if (raw.isEmpty()) {
            throw new RejectedFileException("UNEXPECTED_CONTENT", "no RIS record (expected 'TY  - ' ... 'ER  - ')", null);
        }
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                records.add(record(i + 1, raw.get(i), rawText.get(i)));
            } catch (RuntimeException unexpected) {
                records.add(new ParsedRecord.Rejected(i + 1, null, "unreadable record: " + unexpected));
            }
        }
        return List.copyOf(records);
    }

    private static void close(List<List<String[]>> raw, List<String> rawText, List<String[]> record, StringBuilder text) {
        raw.add(record);
        rawText.add(text.toString());
    }

    private static ParsedRecord record(int position, List<String[]> fields, String text) {
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        for (String[] f : fields) byTag.computeIfAbsent(f[0], t -> new ArrayList<>()).add(f[1].strip());
        String doi = Doi.clean(first(byTag, "DO"));
        if (doi == null) {
            for (String tag : List.of("L2", "UR", "L3", "M3", "N1")) {
                for (String v : byTag.getOrDefault(tag, List.of())) {
                    Matcher m = DOI_IN_URL.matcher(v);
                    if (doi == null && m.find()) doi = Doi.clean(m.group(1));
                    if (doi == null && tag.equals("M3") && Doi.isFull(Doi.clean(v))) doi = Doi.clean(v);
                }
            }
        }
        String pmid = pmid(byTag);
        String identifier = doi != null ? doi : pmid;
        String bad = TextFile.badText(text);
        if (bad != null) return new ParsedRecord.Rejected(position, identifier, bad);
        String title = PlainText.ofMarkup(firstOf(byTag, "TI", "T1", "CT", "BT"));
        if (title == null) return new ParsedRecord.Rejected(position, identifier, "no title");
        var sections = StructuredAbstract.sections(PlainText.ofMarkup(firstOf(byTag, "AB", "N2")));
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, identifier, "no abstract");
        List<Author> authors = new ArrayList<>();
        for (String tag : List.of("AU", "A1")) {
            for (String a : byTag.getOrDefault(tag, List.of())) {
                Author author = PersonName.parse(a, List.of());
                if (author != null) authors.add(author);
            }
            if (!authors.isEmpty()) break;
        }
        String type = first(byTag, "TY");
        List<String> keywords = new ArrayList<>();
        for (String k : byTag.getOrDefault("KW", List.of())) {
            String kw = PlainText.clean(k);
            if (kw != null) keywords.add(kw);
        }
        List<String> types = new ArrayList<>();
        if (first(byTag, "M3") != null && !Doi.isFull(Doi.clean(first(byTag, "M3")))) types.add(PlainText.clean(first(byTag, "M3")));
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                doi,
                pmid,
                pmcid(byTag),
                PlainText.clean(firstOf(byTag, "JF", "T2", "JO", "JA", "J2", "J1")),
                date(byTag),
                authors,
                sections,
                keywords,
                List.of(),
                types,
                null,
                PlainText.clean(first(byTag, "LA")),
                false,
                "UNPB".equals(type) || "PREPRINT".equalsIgnoreCase(first(byTag, "M3")),
                null));
    }

    /**
     * EndNote exports of PubMed put the PMID in AN (with DP NLM or DB PubMed/Medline); Embase puts the
     * MEDLINE PMID in C5. Anything else in AN (Embase's L-numbers) is not a PMID.
     */
    private static String pmid(Map<String, List<String>> byTag) {
        String c5 = first(byTag, "C5");
        String db = (String.valueOf(first(byTag, "DB")) + " " + first(byTag, "DP")).toLowerCase();
        if (c5 != null && c5.matches("\\d{1,9}") && db.contains("embase")) return c5;
        String an = first(byTag, "AN");
        if (an != null && an.matches("\\d{1,9}") && (db.contains("nlm") || db.contains("pubmed") || db.contains("medline"))) {
            return an;
        }
        for (String tag : List.of("C1", "N1", "M2")) {
            for (String v : byTag.getOrDefault(tag, List.of())) {
                Matcher m = Pattern.compile("PMID:?\\s*(\\d{1,9})").matcher(v);
                if (m.find()) return m.group(1);
            }
        }
        return null;
    }

    private static String pmcid(Map<String, List<String>> byTag) {
        for (String tag : List.of("C2", "N1")) {
            for (String v : byTag.getOrDefault(tag, List.of())) {
                Matcher m = Pattern.compile("\\b(PMC\\d{1,9})\\b").matcher(v);
                if (m.find()) return m.group(1);
            }
        }
        return null;
    }

    /** Year from PY/Y1/DA; month and day from a "2019/07/02/" date, or EndNote's DA "Mar 1" beside PY. */
    static PublicationDate date(Map<String, List<String>> byTag) {
        Integer year = null;
        Integer month = null;
        Integer day = null;
        for (String tag : List.of("DA", "PY", "Y1", "Y2")) {
            String v = first(byTag, tag);
            if (v == null) continue;
            Matcher slash = Pattern.compile("^(\\d{4})(?:/(\\d{0,2})(?:/(\\d{0,2}))?)?").matcher(v);
            if (slash.find()) {
                if (year == null) year = Integer.parseInt(slash.group(1));
                if (month == null && slash.group(2) != null && !slash.group(2).isEmpty()) month = Dates.month(slash.group(2));
                if (day == null && month != null && slash.group(3) != null && !slash.group(3).isEmpty()) day = Dates.number(slash.group(3));
            } else if (tag.equals("DA")) {
                String[] parts = v.split("\\s+");
                if (month == null) month = Dates.month(parts[0]);
                if (day == null && month != null && parts.length > 1) day = Dates.number(parts[1]);
            }
        }
        return Dates.of(year, month, day);
    }

    private static String firstOf(Map<String, List<String>> byTag, String... tags) {
        for (String tag : tags) {
            String v = first(byTag, tag);
            if (v != null) return v;
        }
        return null;
    }

    private static String first(Map<String, List<String>> byTag, String tag) {
        List<String> values = byTag.get(tag);
        if (values == null) return null;
        for (String v : values) {
            if (!v.isBlank()) return v.strip();
        }
        return null;
    }
}
