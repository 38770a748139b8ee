package app.plainpaper.desk.api;

import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.desk.kafka.DeskRecords;
import app.plainpaper.desk.people.DeskIdentities;
import app.plainpaper.desk.people.DeskIdentity;
import app.plainpaper.reviewchecks.ConflictsOfInterest;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.desk.revisions.Revisions;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.Role;
import app.plainpaper.events.SectionEdit;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api")
class SummaryController {

    private static final Map<String, DecisionAction> ACTIONS = Map.of(
            "approve", DecisionAction.APPROVE,
            "request-changes", DecisionAction.REQUEST_CHANGES,
            "request-redraft", DecisionAction.REQUEST_REDRAFT,
            "reject", DecisionAction.REJECT,
            "sign-off", DecisionAction.SIGN_OFF,
            "edit", DecisionAction.EDIT,
            "override", DecisionAction.OVERRIDE_FINDING,
            "unpublish", DecisionAction.UNPUBLISH);

    private final SummaryBoard board;
    private final DeskIdentities identities;
    private final ReviewerProfiles profiles;
    private final DeskRecords records;
    private final Clock clock;

    SummaryController(SummaryBoard board, DeskIdentities identities, ReviewerProfiles profiles, DeskRecords records, Clock clock) {
        this.board = board;
        this.identities = identities;
        this.profiles = profiles;
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/summaries/{summaryId}")
    Map<String, Object> summary(@PathVariable String summaryId) {
        SummaryEvent current = card(summaryId).current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summaryId", current.getSummaryId());
        body.put("revision", current.getRevision());
        body.put("state", DeskViews.state(current.getState()));
        body.put("url", current.getPublication() == null ? null : current.getPublication().getUrl());
        body.put("title", current.getPaper().getTitle());
        body.put("reason", current.getReason());
        body.put("sequence", current.getSequence());
        return body;
    }

    @GetMapping("/summaries/{summaryId}/history")
    List<Map<String, Object>> history(@PathVariable String summaryId) {
        return card(summaryId).history().stream().map(DeskViews::historyEntry).toList();
    }

    @GetMapping("/summaries/{summaryId}/draft")
    Map<String, Object> draft(@PathVariable String summaryId) {
        return DeskViews.draft(card(summaryId).current());
    }

    @GetMapping("/summaries/{summaryId}/revisions")
    List<Map<String, Object>> revisions(@PathVariable String summaryId) {
        SummaryCard card = card(summaryId);
        return Revisions.drafts(card).values().stream().map(event -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("revision", event.getRevision());
            entry.put("writtenBy", event.getDraft().getWrittenBy().getId());
            entry.put("engine", event.getDraft().getEngine());
            entry.put("changeNote", event.getDraft().getChangeNote());
            entry.put("at", event.getOccurredAt().toString());
            entry.put("current", event.getRevision() == card.current().getRevision());
            return entry;
        }).toList();
    }

    @GetMapping("/summaries/{summaryId}/revisions/{revision}")
    Map<String, Object> revision(@PathVariable String summaryId, @PathVariable int revision) {
        return DeskViews.draft(draftAt(card(summaryId), revision));
    }

    /** Per section, a word-level diff from one revision to another. */
    @GetMapping("/summaries/{summaryId}/diff")
    Map<String, Object> diff(@PathVariable String summaryId, @RequestParam int from, @RequestParam int to) {
        SummaryCard card = card(summaryId);
        SummaryEvent before = draftAt(card, from);
        SummaryEvent after = draftAt(card, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summaryId", summaryId);
        body.put("from", from);
        body.put("to", to);
        body.put("sections", Revisions.diff(before.getDraft(), after.getDraft()).stream().map(section -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("section", section.section());
            view.put("changed", section.changed());
            view.put("runs", section.runs().stream().map(run -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("op", run.op().name().toLowerCase());
                r.put("text", run.text());
                return r;
            }).toList());
            return view;
        }).toList());
        return body;
    }

    private static SummaryEvent draftAt(SummaryCard card, int revision) {
        return Revisions.draftAt(card, revision).orElseThrow(() -> new DeskProblem(HttpStatus.NOT_FOUND, "Unknown revision",
                "Summary " + card.summaryId() + " has no draft at revision " + revision + "."));
    }

    @PostMapping("/summaries/{summaryId}/decisions")
    ResponseEntity<Map<String, Object>> decide(@PathVariable String summaryId, @RequestBody DecisionRequest request,
            Authentication authentication) {
        SummaryEvent current = card(summaryId).current();
        DecisionAction action = ACTIONS.get(request.action() == null ? "" : request.action().trim().toLowerCase());
        if (action == null) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Unknown action",
                    "action must be one of " + String.join(", ", ACTIONS.keySet().stream().sorted().toList()));
        }
        if (request.revision() == null) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Revision required", "Say which revision the decision is about.");
        }
        Role role = roleFor(action, current.getState());
        DeskIdentity user = identities.of(authentication);
        if (!user.has(role)) {
            throw new DeskProblem(HttpStatus.FORBIDDEN, "Wrong role",
                    "To " + request.action() + " in " + DeskViews.state(current.getState()) + " you need the role "
                            + DeskViews.role(role) + ".");
        }
        if (request.revision() != current.getRevision()) {
            throw new DeskProblem(HttpStatus.CONFLICT, "Stale revision", "The decision is about revision "
                    + request.revision() + ", but the summary is at revision " + current.getRevision() + ". Reload and decide again.");
        }
        if (action == DecisionAction.SIGN_OFF) {
            // The review workflow refuses these too, where the sign-off is processed; this answers at once.
            boolean approvedIt = current.getDecisions().stream().anyMatch(d -> d.getAction() == DecisionAction.APPROVE
                    && d.getOutcome() == DecisionOutcome.ACCEPTED && d.getRevision() == current.getRevision()
                    && d.getBy().getId().equals(user.username()));
            if (approvedIt) {
                throw new DeskProblem(HttpStatus.FORBIDDEN, "Four eyes", user.username() + " approved revision "
                        + current.getRevision() + " as editor and cannot also sign it off.");
            }
            var conflict = profiles.find(user.username())
                    .flatMap(profile -> ConflictsOfInterest.between(profile.getConflicts(), current.getPaper()));
            if (conflict.isPresent()) {
                throw new DeskProblem(HttpStatus.FORBIDDEN, "Conflict of interest",
                        user.displayName() + " declared a conflict of interest with " + conflict.get() + " and cannot sign off this summary.");
            }
        }
        EditorialCommand command = EditorialCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setSummaryId(summaryId)
                .setRevision(request.revision())
                .setAction(action)
                .setActor(user.actor(role))
                .setComment(request.comment())
                .setFindingId(request.findingId())
                .setEdit(request.sections() == null ? null : SectionEdit.newBuilder().setSections(request.sections()).build())
                .setIssuedAt(clock.instant())
                .setCorrelationId(current.getCorrelationId())
                .build();
        records.command(command);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("commandId", command.getCommandId(),
                "summaryId", summaryId, "revision", request.revision(), "action", request.action()));
    }

    /** The role a decision is made in; request-changes belongs to whoever holds the summary now. */
    static Role roleFor(DecisionAction action, WorkflowState state) {
        return switch (action) {
            case SIGN_OFF -> Role.CLINICAL_REVIEWER;
            case REQUEST_CHANGES -> state == WorkflowState.CLINICAL_REVIEW ? Role.CLINICAL_REVIEWER : Role.EDITOR;
            default -> Role.EDITOR;
        };
    }

    private SummaryCard card(String summaryId) {
        return board.find(summaryId).orElseThrow(() -> new DeskProblem(HttpStatus.NOT_FOUND, "Unknown summary",
                "No summary " + summaryId + " is known to the desk."));
    }

    static long openBlockers(SummaryEvent event) {
        return event.getFindings().stream().filter(f -> f.getSeverity() == Severity.BLOCKER && f.getResolution() == null).count();
    }
}
