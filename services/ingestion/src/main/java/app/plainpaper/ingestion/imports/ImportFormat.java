package app.plainpaper.ingestion.imports;

import app.plainpaper.events.SourceKind;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.bibtex.BibtexParser;
import app.plainpaper.formats.crossref.CrossrefWorkParser;
import app.plainpaper.formats.jats.JatsXmlParser;
import app.plainpaper.formats.medline.MedlineParser;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.formats.ris.RisParser;
import app.plainpaper.formats.xml.RejectedXmlException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The file formats an import reads, each with its parser from paper-formats and the origin kind its papers carry. */
public enum ImportFormat {
    PUBMED("pubmed", "PubMed EFetch XML, root PubmedArticleSet", SourceKind.PUBMED_EFETCH, in -> new PubmedXmlParser().parse(in)),
    JATS("jats", "JATS XML, root article or pmc-articleset", SourceKind.JATS, in -> new JatsXmlParser().parse(in)),
    MEDLINE("medline", "PubMed MEDLINE / .nbib, lines like 'PMID- 123'", SourceKind.MEDLINE, in -> new MedlineParser().parse(in)),
    RIS("ris", "RIS from Zotero, EndNote, Embase, 'TY  - ' ... 'ER  - '", SourceKind.RIS, in -> new RisParser().parse(in)),
    BIBTEX("bibtex", "BibTeX / BibLaTeX, '@article{key, ...}'", SourceKind.BIBTEX, in -> new BibtexParser().parse(in)),
    CROSSREF("crossref", "Crossref REST /works JSON, a work or message.items", SourceKind.CROSSREF,
            in -> new CrossrefWorkParser().parse(in));

    public static final List<String> CODES = Arrays.stream(values()).map(ImportFormat::code).toList();
    public static final String SUPPORTED = String.join(", ", Arrays.stream(values())
            .map(f -> f.code + " (" + f.description + ")").toList());

    /** How much of the start of a file detection looks at: every real export shows its format in its first lines. */
    private static final int SNIFF = 64 * 1024;
    private static final Pattern RIS_LINE = Pattern.compile("(?m)^TY  - ");
    private static final Pattern MEDLINE_LINE = Pattern.compile("(?m)^PMID- ?\\d");
    private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^\\s*@[A-Za-z]+\\s*[{(]");

    private final String code;
    private final String description;
    private final SourceKind kind;
    private final Function<InputStream, List<ParsedRecord>> parser;

    ImportFormat(String code, String description, SourceKind kind, Function<InputStream, List<ParsedRecord>> parser) {
        this.code = code;
        this.description = description;
        this.kind = kind;
        this.parser = parser;
    }

    public String code() {
        return code;
    }

    public SourceKind kind() {
        return kind;
    }

    /** Throws only {@link app.plainpaper.formats.RejectedFileException} for a file refused whole. */
    public List<ParsedRecord> parse(byte[] content) {
        return parser.apply(new ByteArrayInputStream(content));
    }

    public static Optional<ImportFormat> named(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("nbib")) return Optional.of(MEDLINE);
        if (wanted.equals("bib")) return Optional.of(BIBTEX);
        for (ImportFormat f : values()) {
            if (f.code.equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format the content shows; empty when it is none we read. XML is told by its root element (read with DTDs
     * off, so nothing is resolved here), JSON by its first character, the tagged formats by their record lines.
     */
    public static Optional<ImportFormat> detect(byte[] content) {
        String head = head(content);
        String start = head.stripLeading();
        if (start.startsWith("<")) {
            return switch (rootElement(content)) {
                case "PubmedArticleSet" -> Optional.of(PUBMED);
                case "article", "pmc-articleset" -> Optional.of(JATS);
                default -> Optional.empty();
            };
        }
        if (start.startsWith("{") || start.startsWith("[")) return Optional.of(CROSSREF);
        if (start.startsWith("TY  -")) return Optional.of(RIS);
        if (start.startsWith("PMID-")) return Optional.of(MEDLINE);
        if (start.startsWith("@")) return Optional.of(BIBTEX);
        // Text before the first record (EndNote's blank lines, Scopus's header): the first record line decides.
        int ris = indexOf(RIS_LINE, head);
        int medline = indexOf(MEDLINE_LINE, head);
        int bibtex = indexOf(BIBTEX_ENTRY, head);
        int first = Math.min(ris, Math.min(medline, bibtex));
        if (first == Integer.MAX_VALUE) return Optional.empty();
        return Optional.of(first == ris ? RIS : first == medline ? MEDLINE : BIBTEX);
    }

    private static int indexOf(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** The start of the file as text; a UTF-8 BOM dropped, UTF-16 with a BOM decoded. */
    private static String head(byte[] content) {
        int n = Math.min(content.length, SNIFF);
        if (n >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        int from = n >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(content, from, n - from, StandardCharsets.UTF_8);
    }

    static String rootElement(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            throw new RejectedXmlException(RejectedXmlException.Reason.MALFORMED, "no root element", null);
        } catch (XMLStreamException e) {
            throw new RejectedXmlException(RejectedXmlException.Reason.MALFORMED, e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the source is a byte array
                }
            }
        }
    }
}
