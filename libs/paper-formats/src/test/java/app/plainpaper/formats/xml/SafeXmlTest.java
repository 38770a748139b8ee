package app.plainpaper.formats.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plainpaper.formats.xml.RejectedXmlException.Reason;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Hostile XML against a real local HTTP server that counts every request the parser makes. */
class SafeXmlTest {

    private static HttpServer server;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leaked \"LEAKED-FROM-SERVER\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @BeforeEach
    void resetCount() {
        requests.set(0);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Document parse(String xml) {
        return SafeXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void doctypeNamingTheDtdParsesWithoutFetchingIt() {
        Document doc = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" \""
                + base() + "/pubmed_190101.dtd\">\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>");

        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("PubmedArticleSet");
        assertThat(requests).hasValue(0);
    }

    @Test
    void relativeJatsDtdIsNotLoadedEither() {
        Document doc = parse("<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.0 20120330//EN\" \"JATS-archivearticle1.dtd\">"
                + "<article><front/></article>");

        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("article");
    }

    @Test
    void externalHttpEntityIsRefusedWithoutARequest() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"" + base() + "/secret\">]>"
                + "<PubmedArticleSet><PubmedArticle>&xxe;</PubmedArticle></PubmedArticleSet>";

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXTERNAL_ENTITY_REFUSED))
                .hasMessageContaining(base() + "/secret");
        assertThat(requests).hasValue(0);
    }

    @Test
    void externalParameterEntityIsRefusedWithoutARequest() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet [<!ENTITY % remote SYSTEM \"" + base() + "/evil.dtd\"> %remote;]>"
                + "<PubmedArticleSet/>";

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXTERNAL_ENTITY_REFUSED));
        assertThat(requests).hasValue(0);
    }

    @Test
    void fileEntityIsRefusedAndTheFileContentDoesNotAppear(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE article [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<article><front>&xxe;</front></article>";

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXTERNAL_ENTITY_REFUSED))
                .message().doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void billionLaughsIsRefusedAsEntityExpansion() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [" + dtd + "]><lolz>&lol10;</lolz>";

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ENTITY_EXPANSION_LIMIT));
    }

    @Test
    void smallInternalEntityStillExpands() {
        Document doc = parse("<!DOCTYPE a [<!ENTITY who \"the authors\">]><a>by &who;</a>");

        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("by the authors");
    }

    @Test
    void deeplyNestedElementsAreRefusedBeforeAnyTreeWalk() {
        String xml = "<PubmedArticleSet>" + "<i>".repeat(50_000) + "x" + "</i>".repeat(50_000) + "</PubmedArticleSet>";

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP));
    }

    @Test
    void malformedXmlIsADefinedRejection() {
        assertThatThrownBy(() -> parse("<PubmedArticleSet><PubmedArticle>"))
                .isInstanceOfSatisfying(RejectedXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
}
