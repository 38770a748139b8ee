package app.plainpaper.draftingservice.revision;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.events.Actor;
import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.UnprocessableEvent;

import java.util.List;

/** Makes the next revision of a summary: the first draft, an editor's edit, or a redraft. */
public class DraftRevisions {

    private final DraftingEngine engine;
    private final EventSuccession succession;
    private final String disclaimerVersion;

    /** @param disclaimerVersion the site disclaimer every new revision carries */
    public DraftRevisions(DraftingEngine engine, EventSuccession succession, String disclaimerVersion) {
        this.engine = engine;
        this.succession = succession;
        this.disclaimerVersion = disclaimerVersion;
    }

    public SummaryEvent firstDraft(SummaryEvent ingested) {
        DraftText text = engine.draft(DraftMapping.source(ingested.getSummaryId(), ingested.getPaper()));
        int revision = ingested.getRevision() + 1;
        return succession.after(ingested, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING)
                .setRevision(revision)
                .setDraft(draft(text, revision, engineActor(text)))
                .setFindings(List.of())
                .build();
    }

    public SummaryEvent nextRevision(SummaryEvent request) {
        if (request.getDraft() == null) {
            return firstDraft(request);
        }
        var source = DraftMapping.source(request.getSummaryId(), request.getPaper());
        int revision = request.getRevision() + 1;
        DraftText text;
        Actor writtenBy;
        if (request.getType() == EventType.EDITOR_EDITED) {
            if (request.getRequestedEdit() == null) {
                throw new UnprocessableEvent("An edit request without the edited sections.");
            }
            try {
                text = engine.revise(source, DraftMapping.text(request.getDraft()),
                        request.getRequestedEdit().getSections(), request.getReason());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEvent("The edit cannot be applied: " + e.getMessage(), e);
            }
            writtenBy = request.getActor();
        } else {
            DraftText fresh = engine.draft(source);
            text = new DraftText(fresh.simpleExplanation(), fresh.studyDuration(), fresh.participants(), fresh.evidence(),
                    fresh.keyFindings(), fresh.researchSummary(), fresh.practicalImplications(), fresh.limitations(),
                    fresh.categories(), fresh.readability(), fresh.editorFlags(), fresh.engine(),
                    "Redrafted on request" + (request.getReason() == null ? "" : ": " + request.getReason()));
            writtenBy = engineActor(text);
        }
        var next = succession.after(request, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING)
                .setRevision(revision)
                .setDraft(draft(text, revision, writtenBy))
                .setFindings(List.of());
        if (request.getSignOff() != null) {
            // Any change to the text after a clinical sign-off voids it: the new revision goes through clinical review again.
            next.setSignOff(null).setReason("Clinical sign-off of revision " + request.getSignOff().getRevision()
                    + " voided: revision " + revision + " changed the text.");
        }
        return next.build();
    }

    private app.plainpaper.events.Draft draft(DraftText text, int revision, Actor writtenBy) {
        var draft = DraftMapping.draft(text, revision, writtenBy);
        draft.setDisclaimerVersion(disclaimerVersion);
        return draft;
    }

    private Actor engineActor(DraftText text) {
        Actor service = succession.service();
        service.setDisplayName(text.engine());
        return service;
    }
}
