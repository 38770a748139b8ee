package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.Decision;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Finding;
import app.plainpaper.events.FindingResolution;
import app.plainpaper.events.ResolutionKind;
import app.plainpaper.events.Role;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The review rules, applied where a decision is processed (not only in the UI): who may decide what, on which
 * revision, in which state. Plain Java over the event contracts.
 */
public class ReviewWorkflow {

    private final EventSuccession succession;
    private final ReviewerConflicts conflicts;

    public ReviewWorkflow(EventSuccession succession) {
        this(succession, new ReviewerConflicts());
    }

    public ReviewWorkflow(EventSuccession succession, ReviewerConflicts conflicts) {
        this.succession = succession;
        this.conflicts = conflicts;
    }

    public Verdict decide(SummaryEvent current, EditorialCommand command) {
        Optional<String> refusal = refusal(current, command);
        if (refusal.isPresent()) {
            return refused(current, command, refusal.get());
        }
        Decision decision = decision(command, DecisionOutcome.ACCEPTED, null);
        List<Decision> decisions = new ArrayList<>(current.getDecisions());
        decisions.add(decision);
        DecisionAction action = command.getAction();
        boolean clinician = command.getActor().getRole() == Role.CLINICAL_REVIEWER;
        return switch (action) {
            case APPROVE -> accepted(Topics.EDITOR_APPROVED, succession
                    .after(current, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW, command.getCommandId())
                    .setActor(command.getActor()).setDecisions(decisions).build());
            case SIGN_OFF -> accepted(Topics.SIGNED_OFF, succession
                    .after(current, EventType.CLINICALLY_SIGNED_OFF, WorkflowState.COMPLIANCE_CHECK, command.getCommandId())
                    .setActor(command.getActor()).setDecisions(decisions)
                    .setSignOff(ClinicalSignOff.newBuilder().setReviewer(command.getActor())
                            .setRevision(current.getRevision()).setSignedOffAt(command.getIssuedAt()).build())
                    .build());
            case REQUEST_CHANGES -> clinician
                    ? accepted(Topics.CHANGES_REQUESTED, succession
                            .after(current, EventType.CHANGES_REQUESTED, WorkflowState.EDITOR_REVIEW, command.getCommandId())
                            .setActor(command.getActor()).setDecisions(decisions)
                            .setReason("Changes requested by clinical reviewer " + name(command.getActor()) + ": " + command.getComment())
                            .build())
                    : redraft(current, command, decisions);
            case REQUEST_REDRAFT -> redraft(current, command, decisions);
            case EDIT -> accepted(Topics.REVISION_REQUESTED, succession
                    .after(current, EventType.EDITOR_EDITED, WorkflowState.DRAFTING, command.getCommandId())
                    .setActor(command.getActor()).setDecisions(decisions)
                    .setReason(command.getComment())
                    .setRequestedEdit(command.getEdit())
                    .build());
            case REJECT -> accepted(Topics.REJECTED, succession
                    .after(current, EventType.REJECTED, WorkflowState.REJECTED, command.getCommandId())
                    .setActor(command.getActor()).setDecisions(decisions)
                    .setReason("Rejected by " + name(command.getActor()) + ": " + command.getComment())
                    .build());
            case OVERRIDE_FINDING -> accepted(Topics.FINDING_OVERRIDDEN, succession
                    .after(current, EventType.FINDING_OVERRIDDEN, WorkflowState.EDITOR_REVIEW, command.getCommandId())
                    .setActor(command.getActor()).setDecisions(decisions)
                    .setFindings(overridden(current.getFindings(), command))
                    .setReason(blockerReason(overridden(current.getFindings(), command)))
                    .build());
            case UNPUBLISH -> accepted(Topics.UNPUBLISHED, Withdrawals.unpublished(succession, current, command, decisions));
            default -> refused(current, command, "The action " + action + " is not handled by the review workflow.");
        };
    }

    /** Why a decision cannot be accepted now, if it cannot. */
    Optional<String> refusal(SummaryEvent current, EditorialCommand command) {
        DecisionAction action = command.getAction();
        Role role = command.getActor().getRole();
        WorkflowState state = current.getState();
        if (command.getRevision() != current.getRevision()) {
            return Optional.of("The decision was about revision " + command.getRevision()
                    + ", but the summary is now at revision " + current.getRevision() + ". Reload and decide again.");
        }
        boolean needsReason = action == DecisionAction.REQUEST_CHANGES || action == DecisionAction.REQUEST_REDRAFT
                || action == DecisionAction.REJECT || action == DecisionAction.OVERRIDE_FINDING;
        if (needsReason && (command.getComment() == null || command.getComment().isBlank())) {
            return Optional.of("A reason is required to " + action.name().toLowerCase().replace('_', ' ') + ".");
        }
        switch (action) {
            case APPROVE, REQUEST_REDRAFT, REJECT, OVERRIDE_FINDING, EDIT -> {
                if (role != Role.EDITOR) {
                    return Optional.of("Only an editor may " + verb(action) + ".");
                }
                // A correction of a live page starts a new revision; the page stays up until that revision passes every gate.
                boolean editable = state == WorkflowState.EDITOR_REVIEW
                        || (action == DecisionAction.EDIT && (state == WorkflowState.CLINICAL_REVIEW || state == WorkflowState.PUBLISHED))
                        || (action == DecisionAction.REJECT && state == WorkflowState.CLINICAL_REVIEW);
                if (!editable) {
                    return Optional.of("The summary is in " + stateName(state) + ", not in editor review.");
                }
            }
            case SIGN_OFF -> {
                if (role != Role.CLINICAL_REVIEWER) {
                    return Optional.of("Only a clinical reviewer may sign off accuracy.");
                }
                if (state != WorkflowState.CLINICAL_REVIEW) {
                    return Optional.of("The summary is in " + stateName(state) + ", not in clinical review.");
                }
                Optional<String> approver = approverOf(current, current.getRevision());
                if (approver.isPresent() && approver.get().equals(command.getActor().getId())) {
                    return Optional.of("Four eyes: " + command.getActor().getId()
                            + " approved revision " + current.getRevision() + " as editor and cannot also sign it off.");
                }
                Optional<String> conflict = conflicts.conflict(command.getActor().getId(), current.getPaper());
                if (conflict.isPresent()) {
                    return conflict;
                }
            }
            case REQUEST_CHANGES -> {
                if (role == Role.CLINICAL_REVIEWER && state != WorkflowState.CLINICAL_REVIEW) {
                    return Optional.of("The summary is in " + stateName(state) + ", not in clinical review.");
                }
                if (role == Role.EDITOR && state != WorkflowState.EDITOR_REVIEW) {
                    return Optional.of("The summary is in " + stateName(state) + ", not in editor review.");
                }
                if (role != Role.EDITOR && role != Role.CLINICAL_REVIEWER) {
                    return Optional.of("Only an editor or a clinical reviewer may request changes.");
                }
            }
            case UNPUBLISH -> {
                Optional<String> refusal = Withdrawals.unpublishRefusal(current, command);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            default -> {
                return Optional.of("The action " + action + " is not handled by the review workflow.");
            }
        }
        if (action == DecisionAction.APPROVE) {
            long open = openBlockers(current.getFindings()).size();
            if (open > 0) {
                return Optional.of("Held back: " + open + " unresolved blocker" + (open == 1 ? "" : "s")
                        + ". Fix the text or override each blocker with a reason before approving.");
            }
        }
        if (action == DecisionAction.OVERRIDE_FINDING) {
            boolean known = current.getFindings().stream()
                    .anyMatch(f -> f.getFindingId().equals(command.getFindingId()) && f.getResolution() == null);
            if (!known) {
                return Optional.of("No open finding " + command.getFindingId() + " on revision " + current.getRevision() + ".");
            }
        }
        if (action == DecisionAction.EDIT) {
            if (command.getEdit() == null || command.getEdit().getSections().isEmpty()) {
                return Optional.of("An edit must change at least one section.");
            }
            Optional<String> invalid = DraftEdits.problem(current.getDraft(), command.getEdit().getSections());
            if (invalid.isPresent()) {
                return invalid;
            }
        }
        return Optional.empty();
    }

    /** Refusals change no state: they carry the sequence they were judged against and only add history. */
    private Verdict refused(SummaryEvent current, EditorialCommand command, String reason) {
        List<Decision> decisions = new ArrayList<>(current.getDecisions());
        decisions.add(decision(command, DecisionOutcome.REFUSED, reason));
        SummaryEvent event = SummaryEvent.newBuilder(succession
                        .after(current, EventType.DECISION_REFUSED, current.getState(), command.getCommandId())
                        .build())
                .setSequence(current.getSequence())
                .setActor(command.getActor())
                .setDecisions(decisions)
                .setReason(reason)
                .build();
        return new Verdict(Topics.DECISION_REFUSED, event, false);
    }

    private Verdict redraft(SummaryEvent current, EditorialCommand command, List<Decision> decisions) {
        return accepted(Topics.REVISION_REQUESTED, succession
                .after(current, EventType.REDRAFT_REQUESTED, WorkflowState.DRAFTING, command.getCommandId())
                .setActor(command.getActor()).setDecisions(decisions)
                .setReason("Redraft requested by " + name(command.getActor()) + ": " + command.getComment())
                .build());
    }

    private static Verdict accepted(String topic, SummaryEvent event) {
        return new Verdict(topic, event, true);
    }

    private static List<Finding> overridden(List<Finding> findings, EditorialCommand command) {
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.getFindingId().equals(command.getFindingId())) {
                result.add(Finding.newBuilder(finding).setResolution(FindingResolution.newBuilder()
                        .setKind(ResolutionKind.OVERRIDDEN).setBy(command.getActor())
                        .setReason(command.getComment()).setAt(command.getIssuedAt()).build()).build());
            } else {
                result.add(finding);
            }
        }
        return result;
    }

    public static List<Finding> openBlockers(List<Finding> findings) {
        return findings.stream().filter(f -> f.getSeverity() == Severity.BLOCKER && f.getResolution() == null).toList();
    }

    /** The reason shown in the editors' queue while blockers are open, or null. */
    public static String blockerReason(List<Finding> findings) {
        List<Finding> open = openBlockers(findings);
        if (open.isEmpty()) {
            return null;
        }
        return "Held back from clinical review: " + open.size() + " blocker" + (open.size() == 1 ? "" : "s")
                + " (" + String.join("; ", open.stream().map(Finding::getMessage).limit(3).toList()) + ")";
    }

    private static Optional<String> approverOf(SummaryEvent current, int revision) {
        List<Decision> decisions = current.getDecisions();
        for (int i = decisions.size() - 1; i >= 0; i--) {
            Decision d = decisions.get(i);
            if (d.getAction() == DecisionAction.APPROVE && d.getRevision() == revision && d.getOutcome() == DecisionOutcome.ACCEPTED) {
                return Optional.of(d.getBy().getId());
            }
        }
        return Optional.empty();
    }

    private static Decision decision(EditorialCommand command, DecisionOutcome outcome, String reason) {
        return Decision.newBuilder()
                .setDecisionId(command.getCommandId())
                .setBy(command.getActor())
                .setAction(command.getAction())
                .setRevision(command.getRevision())
                .setComment(command.getComment())
                .setDecidedAt(command.getIssuedAt())
                .setOutcome(outcome)
                .setRefusalReason(reason)
                .build();
    }

    private static String name(Actor actor) {
        return actor.getDisplayName() == null ? actor.getId() : actor.getDisplayName();
    }

    private static String verb(DecisionAction action) {
        return Map.of(DecisionAction.APPROVE, "approve drafts", DecisionAction.REQUEST_REDRAFT, "request a redraft",
                DecisionAction.REJECT, "reject a summary", DecisionAction.OVERRIDE_FINDING, "override a check finding",
                DecisionAction.EDIT, "edit a draft").getOrDefault(action, action.name());
    }

    static String stateName(WorkflowState state) {
        return state.name().toLowerCase().replace('_', '-');
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
