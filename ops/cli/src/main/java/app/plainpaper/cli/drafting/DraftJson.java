package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SectionReadability;
import app.plainpaper.drafting.SourceRef;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A draft as a JSON object with every section; null sections stay null. */
final class DraftJson {

    private DraftJson() {
    }

    static ObjectNode of(DraftText d) {
        ObjectNode o = JsonLines.JSON.createObjectNode();
        o.put("simpleExplanation", d.simpleExplanation());
        o.put("studyDuration", d.studyDuration());
        o.put("participants", d.participants());
        EvidenceAssessment e = d.evidence();
        ObjectNode level = o.putObject("evidenceLevel");
        level.put("scale", e.scale());
        level.put("level", e.level());
        level.put("design", e.design().name());
        level.put("reason", e.reason());
        ArrayNode findings = o.putArray("keyFindings");
        for (KeyFindingText f : d.keyFindings()) {
            ObjectNode finding = findings.addObject();
            finding.put("text", f.text());
            ArrayNode sources = finding.putArray("sources");
            for (SourceRef s : f.sources()) {
                sources.addObject().put("index", s.index()).put("text", s.text());
            }
        }
        o.put("researchSummary", d.researchSummary());
        ArrayNode implications = o.putArray("practicalImplications");
        for (ImplicationText i : d.practicalImplications()) {
            implications.addObject().put("title", i.title()).put("text", i.text());
        }
        d.limitations().forEach(o.putArray("limitations")::add);
        d.categories().forEach(o.putArray("categories")::add);
        ArrayNode readability = o.putArray("readability");
        for (SectionReadability r : d.readability()) {
            readability.addObject().put("section", r.section()).put("fleschKincaidGrade", r.fleschKincaidGrade())
                    .put("meanSentenceLength", r.meanSentenceLength()).put("words", r.words());
        }
        d.editorFlags().forEach(o.putArray("editorFlags")::add);
        o.put("engine", d.engine());
        return o;
    }
}
