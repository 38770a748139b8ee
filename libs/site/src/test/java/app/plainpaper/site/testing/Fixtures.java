package app.plainpaper.site.testing;

import app.plainpaper.site.content.EvidenceLevel;
import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Reviewer;
import app.plainpaper.site.content.SiteSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic summaries and settings for tests. */
public final class Fixtures {

    public static final String BASE_URL = "http://localhost:8080";
    public static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private Fixtures() {
    }

    public static SiteSettings settings() {
        return SiteSettings.defaults(BASE_URL, "editors@plainpaper.test");
    }

    /** Summary number {@code n}, published {@code n} hours after {@link #START}, in {@code categories}. */
    public static PublishedSummary.Builder summary(int n, String... categories) {
        String id = String.format("s-%03d", n);
        return PublishedSummary.builder(id, String.format("summary-%03d", n), "Study number " + n,
                        START.plusSeconds(3600L * n))
                .journal("Journal of Tests")
                .year(2024)
                .publicationDate(LocalDate.of(2024, 5, 1))
                .doi("10.1000/test." + n)
                .pmid(String.valueOf(100000 + n))
                .authors(List.of("A. Author", "B. Author"))
                .categories(List.of(categories))
                .simpleExplanation("Plain explanation of study " + n + ".")
                .studyDuration("12 weeks")
                .participants("40 adults with chronic SCI")
                .evidenceLevel(new EvidenceLevel("Oxford CEBM 2011", "2", "Randomised controlled trial",
                        "Small but randomised."))
                .keyFindings(List.of("Finding one of " + n, "Finding two of " + n))
                .researchSummary("Research summary of study " + n + ".")
                .implications(List.of(new Implication("For patients", "What it means for patients.")))
                .limitations(List.of("Small sample", "Short follow-up"))
                .reviewedBy(new Reviewer("Dr. Jane Reviewer", "MD, PhD"))
                .reviewedOn(LocalDate.of(2025, 2, 20));
    }

    /** {@code count} summaries numbered 1..count, alternating between two categories. */
    public static List<PublishedSummary> many(int count) {
        List<PublishedSummary> list = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            list.add(summary(n, n % 2 == 0 ? "Rehabilitation" : "Pain Management").build());
        }
        return list;
    }

    public static String text(Map<String, byte[]> files, String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new AssertionError("no file " + path + " among " + files.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
