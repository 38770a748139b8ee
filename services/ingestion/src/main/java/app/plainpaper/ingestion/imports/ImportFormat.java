package app.plainpaper.ingestion.imports;

import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.jats.JatsXmlParser;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.formats.xml.RejectedXmlException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads, each with its parser from paper-formats. */
public enum ImportFormat {
    PUBMED("pubmed"),
    JATS("jats");

    public static final String SUPPORTED = "pubmed (PubMed EFetch XML, root PubmedArticleSet), "
            + "jats (JATS XML, root article or pmc-articleset)";

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public List<ParsedRecord> parse(byte[] content) {
        var in = new ByteArrayInputStream(content);
        return this == PUBMED ? new PubmedXmlParser().parse(in) : new JatsXmlParser().parse(in);
    }

    public static Optional<ImportFormat> named(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (ImportFormat f : values()) {
            if (f.code.equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format whose root element the content has; empty when it is neither.
     * Reads only up to the root element, with DTDs off, so nothing is resolved or expanded here.
     */
    public static Optional<ImportFormat> detect(byte[] content) {
        String root = rootElement(content);
        return switch (root) {
            case "PubmedArticleSet" -> Optional.of(PUBMED);
            case "article", "pmc-articleset" -> Optional.of(JATS);
            default -> Optional.empty();
        };
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
