package app.plainpaper.benchmarks;

import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Reviewer;
import app.plainpaper.site.content.SiteSettings;
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
 * Published summaries for the site benchmarks: the real reference summary (Lou et al. 2022, CC BY, copied into
 * resources/site-reference with its SOURCES), repeated with distinct ids, slugs, titles, categories and dates, so
 * every page is as long as a real one and every listing, category and feed has real work to do.
 */
final class SiteCorpus {

    static final String BASE_URL = "http://localhost:8080";
    private static final Instant START = Instant.parse("2020-01-01T08:00:00Z");
    private static final List<String> CATEGORIES = List.of("Pain Management", "Rehabilitation", "Bladder and Bowel",
            "Spasticity", "Neuromodulation", "Cell Therapy", "Mental Health", "Mobility", "Genetics", "Oncology",
            "Pressure Injuries", "Respiratory Care");
    private static final List<String> TOPICS = List.of("pain", "walking", "bladder function", "spasticity",
            "sleep", "mood", "hand function", "blood pressure", "bone density", "skin health");

    private SiteCorpus() {
    }

    static SiteSettings settings() {
        return SiteSettings.defaults(BASE_URL, "editors@plainpaper.test");
    }

    /** {@code count} distinct published summaries, one an hour from 2020 on, in one to three categories each. */
    static List<PublishedSummary> summaries(int count) {
        PublishedSummary reference = reference();
        List<PublishedSummary> list = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String topic = TOPICS.get(n % TOPICS.size());
            List<String> categories = new ArrayList<>();
            for (int c = 0; c <= n % 3; c++) {
                String category = CATEGORIES.get((n * 7 + c * 5) % CATEGORIES.size());
                if (!categories.contains(category)) {
                    categories.add(category);
                }
            }
            Instant published = START.plusSeconds(3600L * n);
            list.add(reference.toBuilder()
                    .summaryId(String.format("bench-%05d", n))
                    .slug(String.format("study-%05d-%s", n, topic.replace(' ', '-')))
                    .title(String.format("Study %d on %s: %s", n, topic, reference.title()))
                    .publishedAt(published)
                    .categories(categories)
                    .doi("10.5555/bench." + n)
                    .pmid(String.valueOf(40000000 + n))
                    .publicationDate(LocalDate.of(2019, 1, 1).plusDays(n % 2000))
                    .reviewedOn(LocalDate.of(2019, 12, 1).plusDays(n / 24))
                    .build());
        }
        return list;
    }

    /** The reference page's summary, parsed from the page text as libs/site's ReferenceSummary does. */
    static PublishedSummary reference() {
        JsonNode study = JsonMapper.builder().build().readTree(resource("site-reference/reference-study.json"));
        List<String> lines = List.of(resource("site-reference/summary-page.txt").split("\n", -1));
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
        return PublishedSummary.builder("ref-" + study.get("pmid").asString(),
                        "study-on-the-correlation-between-pain-and-cytokine-expression-in-the",
                        study.get("title").asString(), Instant.parse("2025-01-15T09:00:00Z"))
                .journal(study.get("journal").asString())
                .year(study.get("year").asInt())
                .publicationDate(LocalDate.parse(study.get("published").asString()))
                .doi(study.get("doi").asString())
                .pmid(study.get("pmid").asString())
                .authors(authors)
                .categories(List.of("Oncology", "Pain Management", "Genetics"))
                .simpleExplanation(text(lines, simple + 1, duration))
                .studyDuration(text(lines, duration + 1, participants))
                .participants(text(lines, participants + 1, evidence))
                .evidenceLevel(null)
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

    private static List<String> numbered(List<String> lines, int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (lines.get(i).strip().matches("\u2022\\s*\\d+")) {
                items.add(lines.get(i + 1).strip());
            }
        }
        return items;
    }

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
        try (InputStream in = SiteCorpus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
