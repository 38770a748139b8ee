package app.plainpaper.desk.revisions;

import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.events.Draft;
import app.plainpaper.events.SummaryEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The drafts of one summary, revision by revision, read from its history; and what changed between two of them. */
public final class Revisions {

    private Revisions() {
    }

    /** The newest event of each revision that carries its draft (its findings are the latest known for it). */
    public static Map<Integer, SummaryEvent> drafts(SummaryCard card) {
        Map<Integer, SummaryEvent> byRevision = new TreeMap<>();
        for (SummaryEvent event : card.history()) {
            if (event.getDraft() != null && event.getDraft().getRevision() == event.getRevision()) {
                SummaryEvent held = byRevision.get(event.getRevision());
                if (held == null || held.getSequence() <= event.getSequence()) {
                    byRevision.put(event.getRevision(), event);
                }
            }
        }
        return byRevision;
    }

    public static Optional<SummaryEvent> draftAt(SummaryCard card, int revision) {
        return Optional.ofNullable(drafts(card).get(revision));
    }

    /** Each section of a draft as text, under the names edits use ({@code keyFindings[0]} ...). */
    public static Map<String, String> sections(Draft draft) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("simpleExplanation", draft.getSimpleExplanation());
        sections.put("studyDuration", draft.getStudyDuration() == null ? "" : draft.getStudyDuration());
        sections.put("participants", draft.getParticipants() == null ? "" : draft.getParticipants());
        for (int i = 0; i < draft.getKeyFindings().size(); i++) {
            sections.put("keyFindings[" + i + "]", draft.getKeyFindings().get(i).getText());
        }
        sections.put("researchSummary", draft.getResearchSummary());
        for (int i = 0; i < draft.getPracticalImplications().size(); i++) {
            sections.put("practicalImplications[" + i + "].title", draft.getPracticalImplications().get(i).getTitle());
            sections.put("practicalImplications[" + i + "]", draft.getPracticalImplications().get(i).getText());
        }
        for (int i = 0; i < draft.getLimitations().size(); i++) {
            sections.put("limitations[" + i + "]", draft.getLimitations().get(i));
        }
        sections.put("evidenceLevel", (draft.getEvidenceLevel().getLevel() == null ? "" : "Level " + draft.getEvidenceLevel().getLevel() + ": ")
                + draft.getEvidenceLevel().getReason());
        sections.put("categories", String.join(", ", draft.getCategories()));
        return sections;
    }

    public record SectionDiff(String section, boolean changed, List<WordDiff.Run> runs) {
    }

    /** Every section of either draft, in reading order; a section only one side has is wholly inserted or deleted. */
    public static List<SectionDiff> diff(Draft from, Draft to) {
        Map<String, String> before = sections(from);
        Map<String, String> after = sections(to);
        List<String> names = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(names::add);
        List<SectionDiff> diffs = new ArrayList<>();
        for (String name : names) {
            List<WordDiff.Run> runs = WordDiff.diff(before.getOrDefault(name, ""), after.getOrDefault(name, ""));
            diffs.add(new SectionDiff(name, WordDiff.changed(runs), runs));
        }
        return diffs;
    }
}
