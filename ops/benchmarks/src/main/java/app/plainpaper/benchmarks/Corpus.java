package app.plainpaper.benchmarks;

import app.plainpaper.checks.Draft;
import app.plainpaper.checks.DraftMetadata;
import app.plainpaper.checks.PracticalImplication;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The fixed abstracts every benchmark cycles through, read from the classpath (CC BY 4.0, see SOURCES.md). */
final class Corpus {

    static final String RESOURCE = "/abstracts/abstracts.jsonl";

    private Corpus() {
    }

    static List<SourcePaper> papers() {
        JsonMapper json = JsonMapper.builder().build();
        List<SourcePaper> papers = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    papers.add(paper(json.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (papers.isEmpty()) {
            throw new IllegalStateException("no abstracts in " + RESOURCE);
        }
        return List.copyOf(papers);
    }

    private static SourcePaper paper(JsonNode r) {
        List<SourceSection> sections = new ArrayList<>();
        for (JsonNode s : r.path("sections")) {
            sections.add(new SourceSection(text(s, "label"), text(s, "text")));
        }
        JsonNode year = r.get("year");
        return new SourcePaper(text(r, "id"), text(r, "title"), text(r, "journal"),
                year == null || year.isNull() ? null : year.intValue(), sections, List.of(), List.of(), List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The abstract as the checks see it. */
    static Source source(SourcePaper paper) {
        return new Source(paper.title(), paper.sections().stream()
                .map(s -> new app.plainpaper.checks.SourceSection(s.label(), s.text())).toList(), null, "CC BY 4.0");
    }

    /** The abstract as one technical text, for {@code checkText}. */
    static String technical(SourcePaper paper) {
        return paper.sections().stream().map(SourceSection::text).collect(Collectors.joining("\n\n"));
    }

    /**
     * The engine's draft as the checks see it, mapped as {@code ./plainpaper check} maps a drafted line.
     *
     * @param disclaimerVersion the disclaimer the site attaches, or null for none
     */
    static Draft draft(DraftText d, String disclaimerVersion) {
        EvidenceAssessment evidence = d.evidence();
        StudyDesign design = evidence == null ? null : design(evidence.design());
        return new Draft(d.simpleExplanation(), d.studyDuration(), d.participants(),
                design == null ? null : evidence.reason(),
                d.keyFindings().stream().map(KeyFindingText::text).toList(), d.researchSummary(),
                d.practicalImplications().stream().map(i -> new PracticalImplication(i.title(), i.text())).toList(),
                d.limitations(), new DraftMetadata(d.categories(), disclaimerVersion != null, disclaimerVersion, design));
    }

    /** The draft's prose as one plain text, for {@code checkText}. */
    static String plain(DraftText d) {
        return draft(d, null).sections().stream().map(s -> s.text()).collect(Collectors.joining("\n\n"));
    }

    private static StudyDesign design(app.plainpaper.drafting.StudyDesign design) {
        if (design == null || design == app.plainpaper.drafting.StudyDesign.UNKNOWN) {
            return null;
        }
        if (design == app.plainpaper.drafting.StudyDesign.NARRATIVE_REVIEW) {
            return StudyDesign.EXPERT_OPINION;
        }
        return StudyDesign.valueOf(design.name());
    }
}
