package app.plainpaper.formats.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The single way this library reads XML. It never fetches anything: the DTD named in a DOCTYPE
 * (PubMed, JATS) is not loaded, any external entity the document uses is refused, and entity
 * expansion is capped (billion laughs).
 */
public final class SafeXml {

    /** Far above what any real PubMed/JATS file needs (they declare no entities), far below a bomb. */
    static final int ENTITY_EXPANSION_LIMIT = 10_000;

    /** Real JATS nests a few dozen levels; the cap keeps our recursive tree walks off the stack limit. */
    static final int MAX_ELEMENT_DEPTH = 500;

    private SafeXml() {
    }

    public static Document parse(InputStream in) {
        DocumentBuilder builder = newBuilder();
        try {
            return builder.parse(in);
        } catch (ExternalEntityRefused e) {
            throw new RejectedXmlException(RejectedXmlException.Reason.EXTERNAL_ENTITY_REFUSED, e.getMessage(), e);
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("JAXP00010001") || message.contains("JAXP00010003")
                    || message.contains("JAXP00010004") || message.contains("entity expansion")) {
                throw new RejectedXmlException(RejectedXmlException.Reason.ENTITY_EXPANSION_LIMIT, message, e);
            }
            if (message.contains("JAXP00010006") || message.contains("maxElementDepth")) {
                throw new RejectedXmlException(RejectedXmlException.Reason.TOO_DEEP, message, e);
            }
            throw new RejectedXmlException(RejectedXmlException.Reason.MALFORMED, message, e);
        } catch (IOException | RuntimeException e) {
            // The JDK parser can also fail with unchecked errors on corrupted bytes (bad UTF-8 and the like).
            throw new RejectedXmlException(RejectedXmlException.Reason.MALFORMED, String.valueOf(e.getMessage()), e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute("jdk.xml.entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver(REFUSE_EXTERNAL);
            builder.setErrorHandler(FAIL_ON_ERROR);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("XML parser does not support the safety settings", e);
        }
    }

    private static final EntityResolver REFUSE_EXTERNAL = (publicId, systemId) -> {
        throw new ExternalEntityRefused("external entity refused (public id " + publicId + ", system id " + systemId + ")");
    };

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final class ExternalEntityRefused extends SAXException {
        ExternalEntityRefused(String message) {
            super(message);
        }
    }
}
