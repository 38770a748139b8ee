package app.plainpaper.formats.bibtex;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BibTeX / BibLaTeX as Zotero, Better BibTeX and Scopus write it: {@code @comment}, {@code @preamble},
 * {@code @string} macros and text outside entries (Scopus header lines) are skipped; values may be braced
 * (nested), quoted, numbers or macros joined with {@code #}; LaTeX accents become Unicode.
 * A broken entry is rejected alone: reading resumes at the next line that starts an entry.
 */
public final class BibtexParser {

    private static final Pattern ENTRY_START = Pattern.compile("\\n\\s*@[A-Za-z]+\\s*[{(]");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID_NOTE = Pattern.compile("PMID:?\\s*(\\d{1,9})");
    private static final Pattern DOI_IN_URL = Pattern.compile("doi\\.org/(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PREPRINT_SERVERS = Set.of("arxiv", "biorxiv", "medrxiv", "ssrn", "research square");
    private static final int MAX_VALUE = 1_000_000;

    /** Throws only {@link RejectedFileException}: binary data, or no BibTeX entry at all. */
    public List<ParsedRecord> parse(InputStream in) {
        String text = TextFile.read(in, "BibTeX");
        Map<String, String> macros = new HashMap<>();
        for (String month : List.of("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")) {
            macros.put(month.substring(0, 3), month);
        }
        List<ParsedRecord> records = new ArrayList<>();
        Reader reader = new Reader(text);
        int position = 0;
        boolean sawEntry = false;
        while (reader.seekEntry()) {
            int start = reader.pos;
            String type;
            try {
                type = reader.entryType();
            } catch (Unreadable notAnEntry) {
                reader.pos = start + 1; // an '@' in free text (an e-mail address in a header line)
                continue;
            }
            sawEntry = true;
            if (type.equals("comment") || type.equals("preamble")) {
                try {
                    reader.skipBlock();
                } catch (Unreadable broken) {
                    reader.resync(start);
                }
                continue;
            }
            if (type.equals("string")) {
                try {
                    Map<String, String> defined = reader.fields(macros, false);
                    defined.forEach((k, v) -> macros.put(k, v));
                } catch (Unreadable broken) {
                    reader.resync(start);
                }
                continue;
            }
            position++;
            String key = null;
            try {
                key = reader.key();
                Map<String, String> fields = reader.fields(macros, true);
                records.add(entry(position, type, key, fields, text.substring(start, reader.pos)));
            } catch (Unreadable broken) {
                records.add(new ParsedRecord.Rejected(position, key, "unreadable BibTeX entry: " + broken.getMessage()));
                reader.resync(start);
            } catch (RuntimeException unexpected) {
                records.add(new ParsedRecord.Rejected(position, key, "unreadable record: " + unexpected));
                reader.resync(start);
            }
        }
        if (!sawEntry) {
            throw new RejectedFileException("UNEXPECTED_CONTENT", "no BibTeX entry (expected '@article{key, ...}')", null);
        }
        return List.copyOf(records);
    }

    private static ParsedRecord entry(int position, String type, String key, Map<String, String> f, String raw) {
        String doi = Doi.clean(literal(f.get("doi")));
        if (doi == null && f.get("url") != null) {
            Matcher m = DOI_IN_URL.matcher(literal(f.get("url")));
            if (m.find()) doi = Doi.clean(m.group(1));
        }
        String pmid = pmid(f);
        String identifier = doi != null ? doi : pmid != null ? pmid : key;
        String bad = TextFile.badText(raw);
        if (bad != null) return new ParsedRecord.Rejected(position, identifier, bad);
        String title = text(f.get("title"));
        if (title == null) return new ParsedRecord.Rejected(position, identifier, "no title");
        String abstractText = Latex.toText(f.get("abstract"));
        var sections = StructuredAbstract.sections(abstractText);
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, identifier, "no abstract");
        String journal = text(f.containsKey("journal") ? f.get("journal") : f.get("journaltitle"));
        List<String> types = new ArrayList<>();
        types.add(type);
        if (text(f.get("document_type")) != null) types.add(text(f.get("document_type")));
        String server = (String.valueOf(literal(f.get("eprinttype"))) + " " + literal(f.get("archiveprefix")) + " "
                + journal + " " + text(f.get("publisher"))).toLowerCase(Locale.ROOT);
        boolean preprint = type.equals("preprint") || PREPRINT_SERVERS.stream().anyMatch(server::contains);
        String licence = literal(f.get("license"));
        if (licence == null && literal(f.get("copyright")) != null && literal(f.get("copyright")).startsWith("http")) {
            licence = literal(f.get("copyright"));
        }
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                doi,
                pmid,
                literal(f.get("pmcid")),
                journal,
                date(f),
                authors(f.get("author")),
                sections,
                keywords(f.containsKey("author_keywords") ? f.get("author_keywords") : f.get("keywords")),
                List.of(),
                types,
                licence,
                text(f.containsKey("language") ? f.get("language") : f.get("langid")),
                false,
                preprint,
                null));
    }

    private static String pmid(Map<String, String> f) {
        String pmid = literal(f.get("pmid"));
        if (pmid != null && pmid.matches("\\d{1,9}")) return pmid;
        String eprintType = String.valueOf(literal(f.get("eprinttype"))) + literal(f.get("archiveprefix"));
        String eprint = literal(f.get("eprint"));
        if (eprint != null && eprint.matches("\\d{1,9}") && eprintType.toLowerCase(Locale.ROOT).contains("pubmed")) return eprint;
        for (String field : List.of("note", "extra", "annote")) {
            String v = f.get(field);
            if (v == null) continue;
            Matcher m = PMID_NOTE.matcher(v);
            if (m.find()) return m.group(1);
        }
        return null;
    }

    private static List<Author> authors(String raw) {
        List<Author> out = new ArrayList<>();
        if (raw == null) return out;
        for (String name : splitTopLevel(raw)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("others")) continue;
            if (trimmed.startsWith("{") && trimmed.endsWith("}") && closesAtEnd(trimmed)) {
                String group = text(trimmed);
                if (group != null) out.add(new Author(null, null, group, null, List.of()));
                continue;
            }
            Author a = PersonName.parse(Latex.toText(trimmed), List.of());
            if (a != null) out.add(a);
        }
        return out;
    }

    /** "a and b" split only outside braces: "{Barnes and Noble}" is one name. */
    private static List<String> splitTopLevel(String raw) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && Character.isWhitespace(c)) {
                Matcher m = AND.matcher(raw).region(i, raw.length());
                if (m.lookingAt()) {
                    out.add(raw.substring(from, i));
                    from = m.end();
                    i = m.end() - 1;
                }
            }
        }
        out.add(raw.substring(from));
        return out;
    }

    private static boolean closesAtEnd(String braced) {
        int depth = 0;
        for (int i = 0; i < braced.length(); i++) {
            char c = braced.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0 && i < braced.length() - 1) return false;
        }
        return true;
    }

    /** year (or BibLaTeX date "2020-07-01"), month as a macro, name or number, day when given. */
    private static PublicationDate date(Map<String, String> f) {
        String date = literal(f.get("date"));
        if (date != null) {
            Matcher m = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?").matcher(date);
            if (m.find()) {
                return Dates.of(Integer.parseInt(m.group(1)), Dates.month(m.group(2)), Dates.number(m.group(3)));
            }
        }
        String year = literal(f.get("year"));
        if (year == null || !year.strip().matches("\\d{4}")) return null;
        Integer month = Dates.month(literal(f.get("month")));
        return Dates.of(Integer.parseInt(year.strip()), month, Dates.number(literal(f.get("day"))));
    }

    private static List<String> keywords(String raw) {
        String t = Latex.toText(raw);
        if (t == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String k : t.split(t.contains(";") ? ";" : ",")) {
            String kw = PlainText.clean(k);
            if (kw != null) out.add(kw);
        }
        return List.copyOf(out);
    }

    /** LaTeX to plain one-line text. */
    private static String text(String raw) {
        return PlainText.clean(Latex.toText(raw));
    }

    /** Identifiers and URLs: braces and backslash escapes only, no dash or accent rewriting. */
    private static String literal(String raw) {
        if (raw == null) return null;
        String s = raw.replace("{", "").replace("}", "").replaceAll("\\\\([_&%#$])", "$1").strip();
        return s.isEmpty() ? null : s;
    }

    /** Raised inside one entry; that entry is rejected and reading resumes at the next entry. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** A cursor over the text. */
    private static final class Reader {
        final String s;
        int pos;
        char closer;

        Reader(String s) {
            this.s = s;
        }

        boolean seekEntry() {
            int at = s.indexOf('@', pos);
            if (at < 0) return false;
            pos = at;
            return true;
        }

        /** After a broken entry: the next line that starts one, or the end. */
        void resync(int brokenStart) {
            Matcher m = ENTRY_START.matcher(s);
            pos = m.find(brokenStart + 1) ? m.start() + 1 : s.length();
        }

        String entryType() {
            pos++; // '@'
            int from = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) pos++;
            if (pos == from) throw new Unreadable("no entry type after @");
            String type = s.substring(from, pos).toLowerCase(Locale.ROOT);
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '{' && s.charAt(pos) != '(')) {
                throw new Unreadable("no '{' after @" + type);
            }
            closer = s.charAt(pos) == '{' ? '}' : ')';
            pos++;
            return type;
        }

        void skipBlock() {
            int depth = 1;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '{' || (closer == ')' && c == '(')) depth++;
                else if (c == '}' || (closer == ')' && c == ')')) {
                    if (--depth == 0) return;
                }
            }
            throw new Unreadable("unclosed block");
        }

        String key() {
            skipSpace();
            int from = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != closer && s.charAt(pos) != '\n') pos++;
            if (pos >= s.length()) throw new Unreadable("file ends inside the entry key");
            String key = s.substring(from, pos).strip();
            if (s.charAt(pos) == '\n') { // keyless entry written on its own line: key empty, fields follow
                return key;
            }
            if (s.charAt(pos) == ',') pos++;
            return key;
        }

        /** name = value pairs up to the entry's closer; lower-cased names, values raw (braces kept). */
        Map<String, String> fields(Map<String, String> macros, boolean entry) {
            Map<String, String> out = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) throw new Unreadable("file ends inside the entry (missing '" + closer + "')");
                char c = s.charAt(pos);
                if (c == closer) {
                    pos++;
                    return out;
                }
                if (c == ',') {
                    pos++;
                    continue;
                }
                int from = pos;
                while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
                if (pos == from) throw new Unreadable("unexpected '" + c + "' where a field name should be");
                // Scopus writes names with a (no-break) space: "funding_text 1={...}"
                while (pos + 1 < s.length() && Character.isSpaceChar(s.charAt(pos)) && isNameChar(s.charAt(pos + 1))) {
                    pos++;
                    while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
                }
                String name = s.substring(from, pos).replace('\u00A0', ' ').toLowerCase(Locale.ROOT);
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '=') throw new Unreadable("no '=' after field " + name);
                pos++;
                String value = value(macros);
                if (value.length() > MAX_VALUE) throw new Unreadable("field " + name + " longer than " + MAX_VALUE + " characters");
                out.putIfAbsent(name, value);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != closer) {
                    throw new Unreadable("unexpected '" + s.charAt(pos) + "' after field " + name);
                }
            }
        }

        private String value(Map<String, String> macros) {
            StringBuilder out = new StringBuilder();
            while (true) {
                skipSpace();
                if (pos >= s.length()) throw new Unreadable("file ends inside a value");
                char c = s.charAt(pos);
                if (c == '{') {
                    out.append(braced());
                } else if (c == '"') {
                    out.append(quoted());
                } else if (Character.isDigit(c)) {
                    int from = pos;
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                    out.append(s, from, pos);
                } else if (isNameChar(c)) {
                    int from = pos;
                    while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
                    String macro = s.substring(from, pos).toLowerCase(Locale.ROOT);
                    out.append(macros.getOrDefault(macro, macro));
                } else {
                    throw new Unreadable("unexpected '" + c + "' where a value should be");
                }
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '#') {
                    pos++;
                    continue;
                }
                return out.toString();
            }
        }

        /** A braced value with its inner braces; a new entry line inside it means the brace was never closed. */
        private String braced() {
            int from = pos + 1;
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    pos += 2;
                    continue;
                }
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) {
                    pos++;
                    return s.substring(from, pos - 1);
                } else if (c == '\n' && ENTRY_START.matcher(s).region(pos, s.length()).lookingAt()) {
                    throw new Unreadable("unbalanced braces (a value runs into the next entry)");
                }
                pos++;
            }
            throw new Unreadable("file ends inside a braced value");
        }

        private String quoted() {
            int from = ++pos;
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    pos += 2;
                    continue;
                }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                else if (c == '"' && depth <= 0) {
                    pos++;
                    return s.substring(from, pos - 1);
                } else if (c == '\n' && ENTRY_START.matcher(s).region(pos, s.length()).lookingAt()) {
                    throw new Unreadable("unclosed quoted value (it runs into the next entry)");
                }
                pos++;
            }
            throw new Unreadable("file ends inside a quoted value");
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '%') { // a LaTeX comment to the end of the line
                    while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                } else {
                    return;
                }
            }
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+' || c == '/';
        }
    }
}
