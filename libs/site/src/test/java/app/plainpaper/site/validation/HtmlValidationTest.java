package app.plainpaper.site.validation;

import app.plainpaper.site.testing.StandardSite;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated HTML page and stylesheet through the Nu Html Checker (nu.validator:validator from Maven Central,
 * in-process, the same checks as {@code vnu --errors-only}): the build fails on any error. The standard site holds
 * every page type: home, listings and their later pages, categories, a category, summaries (the reference one, a
 * retracted one, a corrected preprint), a redirect page, the fixed pages, 404 and 410.
 */
class HtmlValidationTest {

    static final String SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    /** Errors (and fatal errors) of one document; warnings are not failures, as with --errors-only. */
    static final class Collected implements ErrorHandler {
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    private static final Collected COLLECTED = new Collected();
    private static SimpleDocumentValidator validator;

    /** Setting up the schema takes seconds: one validator for the class, its errors cleared per document. */
    private static synchronized SimpleDocumentValidator validator() throws Exception {
        if (validator == null) {
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema(SCHEMA, COLLECTED);
            validator.setUpValidatorAndParsers(COLLECTED, false, false);
        }
        COLLECTED.errors.clear();
        return validator;
    }

    static synchronized List<String> validateHtml(byte[] html) throws Exception {
        SimpleDocumentValidator v = validator();
        InputSource source = new InputSource(new ByteArrayInputStream(html));
        source.setEncoding("UTF-8");
        v.checkHtmlInputSource(source);
        return List.copyOf(COLLECTED.errors);
    }

    static synchronized List<String> validateCss(byte[] css) throws Exception {
        SimpleDocumentValidator v = validator();
        InputSource source = new InputSource(new ByteArrayInputStream(css));
        source.setEncoding("UTF-8");
        v.checkCssInputSource(source);
        return List.copyOf(COLLECTED.errors);
    }

    static Stream<String> htmlPages() {
        return StandardSite.files().keySet().stream().filter(p -> p.endsWith(".html"));
    }

    @BeforeAll
    static void everyPageTypeIsThere() {
        List<String> pages = htmlPages().toList();
        assertThat(pages).contains("index.html", "research/index.html", "research/page/2/index.html", "categories/index.html",
                "research/" + StandardSite.RETRACTED_SLUG + "/index.html", "research/" + StandardSite.PREPRINT_SLUG + "/index.html",
                "research/" + StandardSite.RENAMED_OLD_SLUG + "/index.html", "about/index.html", "disclaimer/index.html",
                "contact/index.html", "subscribe/index.html", "search/index.html", "404.html", "410.html");
        assertThat(pages).anyMatch(p -> p.startsWith("category/") && p.contains("/page/2/"));
    }

    @Test
    void theCheckerFindsErrorsWhenThereAreSome() throws Exception {
        String broken = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
                + "<p id=a>one</p><p id=a>two</p><img src=x.png><table><tr><td colspan=0></table></body></html>";
        assertThat(validateHtml(broken.getBytes(StandardCharsets.UTF_8)))
                .anyMatch(e -> e.contains("Duplicate ID"))
                .anyMatch(e -> e.contains("alt"));
        assertThat(validateCss("a { colr: red; }".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlPages")
    void everyPageIsValidHtml(String path) throws Exception {
        assertThat(validateHtml(StandardSite.files().get(path))).as(path).isEmpty();
    }

    @Test
    void theStylesheetsAreValidCss() throws Exception {
        List<String> css = StandardSite.files().keySet().stream().filter(p -> p.endsWith(".css")).toList();
        assertThat(css).hasSizeGreaterThanOrEqualTo(2);
        for (String path : css) {
            assertThat(validateCss(StandardSite.files().get(path))).as(path).isEmpty();
        }
    }
}
