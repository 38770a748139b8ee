package app.plainpaper.cli.checking;

import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Draft;
import app.plainpaper.checks.DraftMetadata;
import app.plainpaper.checks.PracticalImplication;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.cli.drafting.AbstractRecord;
import app.plainpaper.drafting.SourcePaper;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one input line of {@code check}: a pair ({@code {id, technical, plain}}, checked as bare texts) or a draft
 * written by {@code draft} ({@code {id, source, draft}}, checked as a full draft against the source record).
 */
final class CheckInput {

    private CheckInput() {
    }

    /** @throws IllegalArgumentException when the line is neither a pair nor a draft, naming what is missing */
    static CheckReport check(Checks checks, JsonNode record, String disclaimerVersion) {
        if (record.has("draft")) {
            JsonNode source = record.get("source");
            if (source == null || !source.isObject()) {
                throw new IllegalArgumentException("a draft line needs its source abstract record as an object");
            }
            return checks.check(draft(record.get("draft"), disclaimerVersion), source(source));
        }
        if (record.has("plain") || record.has("technical")) {
            String plain = requiredText(record, "plain");
            String technical = requiredText(record, "technical");
            return checks.checkText(plain, technical);
        }
        throw new IllegalArgumentException("neither a pair (technical, plain) nor a draft (source, draft)");
    }

    static Source source(JsonNode record) {
        SourcePaper paper = AbstractRecord.toPaper(record);
        List<SourceSection> sections = paper.sections().stream()
                .map(s -> new SourceSection(s.label(), s.text())).toList();
        String licence = record.has("licence") ? AbstractRecord.text(record, "licence") : null;
        return new Source(paper.title(), sections, null, licence);
    }

    static Draft draft(JsonNode d, String disclaimerVersion) {
        if (!d.isObject()) {
            throw new IllegalArgumentException("draft is not an object");
        }
        JsonNode level = d.get("evidenceLevel");
        StudyDesign design = null;
        String evidence = null;
        if (level != null && level.isObject()) {
            design = design(AbstractRecord.text(level, "design"));
            // The reason is the evidence level's text; the level and scale are labels, not claims about the study.
            evidence = design == null ? null : AbstractRecord.text(level, "reason");
        } else if (level != null && level.isString()) {
            evidence = level.stringValue();
        }
        List<String> keyFindings = new ArrayList<>();
        for (JsonNode f : list(d, "keyFindings")) {
            keyFindings.add(f.isObject() ? AbstractRecord.text(f, "text") : stringItem("keyFindings", f));
        }
        List<PracticalImplication> implications = new ArrayList<>();
        for (JsonNode i : list(d, "practicalImplications")) {
            if (!i.isObject()) {
                throw new IllegalArgumentException("a practical implication is not an object: " + i);
            }
            implications.add(new PracticalImplication(AbstractRecord.text(i, "title"), AbstractRecord.text(i, "text")));
        }
        List<String> limitations = strings(d, "limitations");
        List<String> categories = strings(d, "categories");
        return new Draft(AbstractRecord.text(d, "simpleExplanation"), AbstractRecord.text(d, "studyDuration"),
                AbstractRecord.text(d, "participants"), evidence, keyFindings, AbstractRecord.text(d, "researchSummary"),
                implications, limitations,
                new DraftMetadata(categories, disclaimerVersion != null, disclaimerVersion, design));
    }

    /** The engine's design names, as the checks know them; unknown designs give no evidence claim to check. */
    static StudyDesign design(String name) {
        if (name == null || name.equals("UNKNOWN")) {
            return null;
        }
        if (name.equals("NARRATIVE_REVIEW")) {
            return StudyDesign.EXPERT_OPINION;
        }
        try {
            return StudyDesign.valueOf(name);
        } catch (IllegalArgumentException e) {
            return StudyDesign.OTHER;
        }
    }

    private static String requiredText(JsonNode record, String field) {
        String text = AbstractRecord.text(record, field);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return text;
    }

    private static List<JsonNode> list(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " is not a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode d, String field) {
        return list(d, field).stream().map(n -> stringItem(field, n)).toList();
    }

    private static String stringItem(String field, JsonNode n) {
        if (!n.isString()) {
            throw new IllegalArgumentException(field + " holds something other than text: " + n);
        }
        return n.stringValue();
    }
}
