package app.plainpaper.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.plainpaper.formats.jats.JatsXmlParser;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.formats.xml.RejectedXmlException;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzing by mutation of the real files (seeded, so a failure reproduces): truncation, byte flips,
 * deleted and repeated spans, inserted DOCTYPEs. Whatever the bytes, a parser returns records or
 * throws {@link RejectedXmlException}; nothing else escapes, and nothing is fetched.
 */
class MutatedRealFilesTest {

    private static final int SEEDS_PER_FILE = 40;
    private static HttpServer server;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final PubmedXmlParser pubmed = new PubmedXmlParser();
    private static final JatsXmlParser jats = new JatsXmlParser();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServerAndCheckNothingWasFetched() {
        server.stop(0);
        assertThat(requests).as("requests the parsers made to the local server").hasValue(0);
    }

    static Stream<Arguments> mutations() {
        List<String> files = new ArrayList<>(RealFiles.PUBMED);
        files.addAll(RealFiles.JATS);
        return files.stream().flatMap(f -> Stream.iterate(1L, s -> s + 1).limit(SEEDS_PER_FILE)
                .map(seed -> Arguments.of(f, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutations")
    void parsersOnlyEverReturnRecordsOrTheDefinedRejection(String file, long seed) {
        byte[] original = RealFiles.fixture(file);
        Random random = new Random(seed * 31 + file.hashCode());
        byte[] mutated = mutate(original, random);

        parseDefined(mutated, pubmed::parse, file, seed);
        parseDefined(mutated, jats::parse, file, seed);
    }

    @Test
    void everyRealFileWithAHostileDoctypeIsRefusedAsExternalEntity() {
        List<String> files = new ArrayList<>(RealFiles.PUBMED);
        files.addAll(RealFiles.JATS);
        for (String file : files) {
            String xml = new String(RealFiles.fixture(file), StandardCharsets.UTF_8);
            String root = file.startsWith("pubmed") ? "PubmedArticleSet" : xml.contains("<pmc-articleset") ? "pmc-articleset" : "article";
            String body = withoutDoctype(xml);
            int start = body.indexOf("<" + root);
            int end = body.indexOf('>', start) + 1;
            String hostile = body.substring(0, start)
                    + "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + server.getAddress().getPort() + "/xxe\">]>"
                    + body.substring(start, end) + "&xxe;" + body.substring(end);
            Function<byte[], List<ParsedRecord>> parser = file.startsWith("pubmed")
                    ? b -> pubmed.parse(new ByteArrayInputStream(b))
                    : b -> jats.parse(new ByteArrayInputStream(b));
            try {
                parser.apply(hostile.getBytes(StandardCharsets.UTF_8));
                fail("hostile " + file + " was accepted");
            } catch (RejectedXmlException e) {
                assertThat(e.reason()).as(file + ": " + e.getMessage()).isEqualTo(RejectedXmlException.Reason.EXTERNAL_ENTITY_REFUSED);
            }
        }
        assertThat(requests).hasValue(0);
    }

    private static void parseDefined(byte[] bytes, Function<java.io.InputStream, List<ParsedRecord>> parser,
                                     String file, long seed) {
        try {
            List<ParsedRecord> records = parser.apply(new ByteArrayInputStream(bytes));
            for (ParsedRecord r : records) {
                if (r instanceof ParsedRecord.Rejected rejected) {
                    assertThat(rejected.reason()).isNotBlank();
                } else {
                    assertThat(((ParsedRecord.Paper) r).paper().abstractSections()).isNotEmpty();
                }
            }
        } catch (RejectedXmlException expected) {
            assertThat(expected.reason()).isNotNull();
        } catch (Throwable other) {
            throw new AssertionError("undefined failure on " + file + " seed " + seed, other);
        }
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] out = in;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = switch (random.nextInt(5)) {
                case 0 -> Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 1 -> flip(out, random);
                case 2 -> splice(out, random, false);
                case 3 -> splice(out, random, true);
                default -> insertDoctype(out, random);
            };
        }
        return out;
    }

    private static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** Deletes a random span, or repeats it in place. */
    private static byte[] splice(byte[] in, Random random, boolean repeat) {
        if (in.length < 2) return in;
        int start = random.nextInt(in.length);
        int end = Math.min(in.length, start + 1 + random.nextInt(2000));
        byte[] head = Arrays.copyOf(in, repeat ? end : start);
        byte[] tail = Arrays.copyOfRange(in, repeat ? start : end, in.length);
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static byte[] insertDoctype(byte[] in, Random random) {
        String port = String.valueOf(server.getAddress().getPort());
        String[] doctypes = {
            "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + port + "/fuzz\">]>",
            "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + port + "/p.dtd\"> %p;]>",
            "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>",
            "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" \"http://127.0.0.1:" + port + "/pubmed_190101.dtd\">",
        };
        String doctype = doctypes[random.nextInt(doctypes.length)];
        String entityUse = random.nextBoolean() ? "&xxe;" : random.nextBoolean() ? "&f;" : "";
        String xml = withoutDoctype(new String(in, StandardCharsets.ISO_8859_1));
        int root = xml.indexOf('<', xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0);
        if (root < 0) root = 0;
        int rootEnd = xml.indexOf('>', root);
        String out = xml.substring(0, root) + doctype
                + (rootEnd < 0 ? xml.substring(root) : xml.substring(root, rootEnd + 1) + entityUse + xml.substring(rootEnd + 1));
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String withoutDoctype(String xml) {
        return xml.replaceFirst("<!DOCTYPE[^>]*>", "");
    }
}
