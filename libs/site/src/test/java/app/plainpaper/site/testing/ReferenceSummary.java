package app.plainpaper.site.testing;

import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Reviewer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real published summary from the reference page, built from the copies in src/test/resources/reference:
 * study metadata from reference-study.json, summary text parsed out of summary-page.txt (both open access, CC BY).
 */
public final class ReferenceSummary {

    public static final String SLUG = "study-on-the-correlation-between-pain-and-cytokine-expression-in-the";
    /** The tags line of the page runs the names together ("OncologyPain ManagementGenetics"). */
    public static final List<String> CATEGORIES = List.of("Oncology", "Pain Management", "Genetics");

    private ReferenceSummary() {
    }

    public static List<String> pageLines() {
        return List.of(resource("reference/summary-page.txt").split("\n", -1));
    }

    public static JsonNode study() {
        return JsonMapper.builder().build().readTree(resource("reference/reference-study.json"));
    }

    public static PublishedSummary summary() {
        JsonNode study = study();
        List<String> lines = pageLines();
        List<String> authors = new ArrayList<>();
        study.get("authors").forEach(a -> authors.add(a.asString()));
        int simple = index(lines, "Simple Explanation", 0);
        int duration = index(lines, "Study Duration", simple);
        int participants = index(lines, "Participants", duration);
        int evidence = index(lines, "Evidence Level", participants);
        int findings = index(lines, "Key Findings", evidence);
        int research = index(lines, "Research Summary", findings);
        int implications = index(lines, "Practical Implications", research);
        int limitations = index(lines, "Study Limitations", implications);
        int feedback = index(lines, "Your Feedback", limitations);

        return PublishedSummary.builder("ref-" + study.get("pmid").asString(), SLUG, study.get("title").asString(),
                        Instant.parse("2025-01-15T09:00:00Z"))
                .journal(study.get("journal").asString())
                .year(study.get("year").asInt())
                .publicationDate(LocalDate.parse(study.get("published").asString()))
                .doi(study.get("doi").asString())
                .pmid(study.get("pmid").asString())
                .authors(authors)
                .categories(CATEGORIES)
                .simpleExplanation(text(lines, simple + 1, duration))
                .studyDuration(text(lines, duration + 1, participants))
                .participants(text(lines, participants + 1, evidence))
                .evidenceLevel(null) // the page says "Not specified"
                .keyFindings(numbered(lines, findings + 1, research))
                .researchSummary(text(lines, research + 1, implications))
                .implications(implications(lines, implications + 1, limitations))
                .limitations(numbered(lines, limitations + 1, feedback))
                .reviewedBy(new Reviewer("Dr. Test Reviewer", "MD"))
                .reviewedOn(LocalDate.parse("2025-01-10"))
                .build();
    }

    private static int index(List<String> lines, String heading, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                return i;
            }
        }
        throw new IllegalStateException("heading '" + heading + "' not found in summary-page.txt");
    }

    private static String text(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(from, to)).strip();
    }

    /** Items written as "  • 1" followed by the item's text. */
    private static List<String> numbered(List<String> lines, int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (lines.get(i).strip().matches("\u2022\\s*\\d+")) {
                items.add(lines.get(i + 1).strip());
            }
        }
        return items;
    }

    /** Title line, blank line, paragraph, blank line, ... */
    private static List<Implication> implications(List<String> lines, int from, int to) {
        List<String> blocks = new ArrayList<>();
        for (String block : text(lines, from, to).split("\\n\\s*\\n")) {
            blocks.add(block.strip());
        }
        List<Implication> result = new ArrayList<>();
        for (int i = 0; i + 1 < blocks.size(); i += 2) {
            result.add(new Implication(blocks.get(i), blocks.get(i + 1)));
        }
        return result;
    }

    private static String resource(String name) {
        try (InputStream in = ReferenceSummary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
