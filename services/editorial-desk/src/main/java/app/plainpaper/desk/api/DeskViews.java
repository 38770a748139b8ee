package app.plainpaper.desk.api;

import app.plainpaper.events.Draft;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of the desk API. The state strings belong to the API; the Avro enum spells them its own way. */
final class DeskViews {

    private DeskViews() {
    }

    static String state(WorkflowState state) {
        return state.name().toLowerCase().replace('_', '-');
    }

    static String role(Role role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    static Map<String, Object> historyEntry(SummaryEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventId", event.getEventId());
        entry.put("sequence", event.getSequence());
        entry.put("revision", event.getRevision());
        entry.put("type", event.getType().name().toLowerCase().replace('_', '-'));
        entry.put("state", state(event.getState()));
        entry.put("at", event.getOccurredAt().toString());
        entry.put("by", event.getActor().getId());
        entry.put("role", role(event.getActor().getRole()));
        entry.put("reason", event.getReason());
        return entry;
    }

    static Map<String, Object> draft(SummaryEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summaryId", event.getSummaryId());
        body.put("revision", event.getRevision());
        body.put("state", state(event.getState()));
        Draft draft = event.getDraft();
        if (draft != null) {
            body.put("simpleExplanation", draft.getSimpleExplanation());
            body.put("studyDuration", draft.getStudyDuration());
            body.put("participants", draft.getParticipants());
            body.put("evidenceLevel", Map.of("scale", draft.getEvidenceLevel().getScale(),
                    "level", String.valueOf(draft.getEvidenceLevel().getLevel()),
                    "design", draft.getEvidenceLevel().getDesign().name(), "reason", draft.getEvidenceLevel().getReason()));
            body.put("keyFindings", draft.getKeyFindings().stream().map(f -> Map.of("text", f.getText(),
                    "sources", f.getSourceSentences().stream().map(s -> Map.of("index", s.getIndex(), "text", s.getText())).toList())).toList());
            body.put("researchSummary", draft.getResearchSummary());
            body.put("practicalImplications", draft.getPracticalImplications().stream()
                    .map(i -> Map.of("title", i.getTitle(), "text", i.getText())).toList());
            body.put("limitations", draft.getLimitations());
            body.put("categories", draft.getCategories());
            body.put("editorFlags", draft.getEditorFlags());
            body.put("changeNote", draft.getChangeNote());
            body.put("readability", draft.getReadability().stream().map(r -> Map.of("section", r.getSection(),
                    "fleschKincaidGrade", r.getFleschKincaidGrade(), "meanSentenceLength", r.getMeanSentenceLength(),
                    "words", r.getWords())).toList());
        }
        // The source beside the draft: reviewers check each claim against it.
        body.put("abstractSections", event.getPaper().getAbstractSections().stream().map(section -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("label", section.getLabel());
            part.put("text", section.getText());
            return part;
        }).toList());
        body.put("findings", event.getFindings().stream().map(DeskViews::finding).toList());
        return body;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findingId", f.getFindingId());
        body.put("ruleId", f.getRuleId());
        body.put("checker", f.getChecker().name().toLowerCase());
        body.put("severity", f.getSeverity().name().toLowerCase());
        body.put("message", f.getMessage());
        body.put("section", f.getSection());
        body.put("start", f.getStart());
        body.put("end", f.getEnd());
        body.put("sourceSentences", f.getSourceSentences());
        body.put("resolved", f.getResolution() != null);
        return body;
    }
}
