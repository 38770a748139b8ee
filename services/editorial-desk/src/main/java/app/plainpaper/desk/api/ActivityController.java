package app.plainpaper.desk.api;

import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.desk.kafka.DeskRecords;
import app.plainpaper.desk.people.DeskIdentities;
import app.plainpaper.desk.people.DeskIdentity;
import app.plainpaper.desk.people.DeskSettings;
import app.plainpaper.desk.queues.DeskQueue;
import app.plainpaper.desk.queues.DeskQueues;
import app.plainpaper.desk.revisions.Revisions;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskActivityKind;
import app.plainpaper.events.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Claiming, so two people don't review the same item, and comments threaded per revision. */
@RestController
@RequestMapping("/api/summaries/{summaryId}")
class ActivityController {

    private final SummaryBoard board;
    private final DeskQueues queues;
    private final DeskActivities activities;
    private final DeskRecords records;
    private final DeskIdentities identities;
    private final DeskSettings settings;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ActivityController(SummaryBoard board, DeskQueues queues, DeskActivities activities, DeskRecords records,
            DeskIdentities identities, DeskSettings settings, Clock clock) {
        this.board = board;
        this.queues = queues;
        this.activities = activities;
        this.records = records;
        this.identities = identities;
        this.settings = settings;
        this.clock = clock;
    }

    record CommentRequest(String text, String parentId) {
    }

    /** Who holds the claim, and the queue the summary waits in (null when it is in none, so nobody can claim it). */
    @GetMapping("/claim")
    Map<String, Object> claimOf(@PathVariable String summaryId) {
        card(summaryId);
        return claimView(summaryId);
    }

    /** Claims the summary in the queue it is in. 409 while someone else holds it; an admin may take it over. */
    @PostMapping("/claim")
    Map<String, Object> claim(@PathVariable String summaryId, Authentication authentication) {
        DeskIdentity user = identities.of(authentication);
        synchronized (lock(summaryId)) {
            SummaryCard card = card(summaryId);
            DeskQueue queue = queueOf(card);
            Role needed = queue == DeskQueue.EDITOR ? Role.EDITOR : Role.CLINICAL_REVIEWER;
            if (!user.has(needed) && !user.has(Role.ADMIN)) {
                throw new DeskProblem(HttpStatus.FORBIDDEN, "Wrong role", "Claiming from the " + queue.id()
                        + " queue needs the role " + DeskViews.role(needed) + ".");
            }
            var held = queues.claim(summaryId);
            if (held.isPresent() && held.get().username().equals(user.username())) {
                return claimView(summaryId);
            }
            if (held.isPresent() && !user.has(Role.ADMIN)) {
                throw new DeskProblem(HttpStatus.CONFLICT, "Claimed by someone else", summaryId + " is claimed by "
                        + held.get().displayName() + " since " + held.get().since() + ".");
            }
            records.activity(activity(card, DeskActivityKind.CLAIMED, user, null, null, null));
            return claimView(summaryId);
        }
    }

    @PostMapping("/release")
    Map<String, Object> release(@PathVariable String summaryId, Authentication authentication) {
        DeskIdentity user = identities.of(authentication);
        synchronized (lock(summaryId)) {
            SummaryCard card = card(summaryId);
            var held = queues.claim(summaryId);
            if (held.isEmpty()) {
                throw new DeskProblem(HttpStatus.CONFLICT, "Not claimed", summaryId + " is not claimed by anyone.");
            }
            if (!held.get().username().equals(user.username()) && !user.has(Role.ADMIN)) {
                throw new DeskProblem(HttpStatus.CONFLICT, "Claimed by someone else", summaryId + " is claimed by "
                        + held.get().displayName() + "; only they or an admin can release it.");
            }
            records.activity(activity(card, DeskActivityKind.RELEASED, user, null, null, null));
            return claimView(summaryId);
        }
    }

    @GetMapping("/revisions/{revision}/comments")
    List<Map<String, Object>> comments(@PathVariable String summaryId, @PathVariable int revision) {
        card(summaryId);
        return thread(activities.comments(summaryId, revision));
    }

    @PostMapping("/revisions/{revision}/comments")
    ResponseEntity<Map<String, Object>> comment(@PathVariable String summaryId, @PathVariable int revision,
            @RequestBody CommentRequest request, Authentication authentication) {
        DeskIdentity user = identities.of(authentication);
        SummaryCard card = card(summaryId);
        if (Revisions.draftAt(card, revision).isEmpty() && revision != card.current().getRevision()) {
            throw new DeskProblem(HttpStatus.NOT_FOUND, "Unknown revision", "Summary " + summaryId + " has no revision " + revision + ".");
        }
        String text = request == null || request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Comment required", "A comment needs some text.");
        }
        if (text.length() > settings.commentMaxLength()) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Comment too long",
                    "A comment is at most " + settings.commentMaxLength() + " characters; this one has " + text.length() + ".");
        }
        String parentId = request.parentId() == null || request.parentId().isBlank() ? null : request.parentId().strip();
        if (parentId != null) {
            var parent = activities.comment(summaryId, parentId);
            if (parent.isEmpty() || parent.get().getRevision() != revision) {
                throw new DeskProblem(HttpStatus.BAD_REQUEST, "Unknown parent comment",
                        "No comment " + parentId + " on revision " + revision + " to reply to.");
            }
        }
        DeskActivity activity = activity(card, DeskActivityKind.COMMENTED, user, text, parentId, UUID.randomUUID().toString());
        activity.setRevision(revision);
        records.activity(activity);
        return ResponseEntity.status(HttpStatus.CREATED).body(commentView(activity));
    }

    private DeskActivity activity(SummaryCard card, DeskActivityKind kind, DeskIdentity user, String text, String parentId,
            String commentId) {
        DeskQueue queue = DeskQueue.holding(card.current().getState()).orElse(null);
        Role role = queue == DeskQueue.CLINICAL && user.has(Role.CLINICAL_REVIEWER) ? Role.CLINICAL_REVIEWER
                : user.has(Role.EDITOR) ? Role.EDITOR : user.has(Role.CLINICAL_REVIEWER) ? Role.CLINICAL_REVIEWER : Role.ADMIN;
        return DeskActivity.newBuilder()
                .setActivityId(UUID.randomUUID().toString())
                .setSummaryId(card.summaryId())
                .setRevision(card.current().getRevision())
                .setKind(kind)
                .setActor(user.actor(role))
                .setAt(clock.instant())
                .setComment(text)
                .setParentId(parentId)
                .setCommentId(commentId)
                .build();
    }

    private Map<String, Object> claimView(String summaryId) {
        var claim = queues.claim(summaryId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summaryId", summaryId);
        body.put("claimedBy", claim.map(DeskActivities.Claim::username).orElse(null));
        body.put("claimedByName", claim.map(DeskActivities.Claim::displayName).orElse(null));
        body.put("since", claim.map(c -> c.since().toString()).orElse(null));
        body.put("queue", board.find(summaryId).flatMap(card -> DeskQueue.holding(card.current().getState()))
                .map(DeskQueue::id).orElse(null));
        return body;
    }

    /** Top-level comments oldest first, each with its replies nested under it. */
    static List<Map<String, Object>> thread(List<DeskActivity> comments) {
        Map<String, Map<String, Object>> views = new LinkedHashMap<>();
        for (DeskActivity c : comments) {
            views.put(c.getCommentId(), commentView(c));
        }
        List<Map<String, Object>> roots = new ArrayList<>();
        for (DeskActivity c : comments) {
            Map<String, Object> view = views.get(c.getCommentId());
            Map<String, Object> parent = c.getParentId() == null ? null : views.get(c.getParentId());
            if (parent == null) {
                roots.add(view);
            } else {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> replies = (List<Map<String, Object>>) parent.get("replies");
                replies.add(view);
            }
        }
        return roots;
    }

    private static Map<String, Object> commentView(DeskActivity c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("commentId", c.getCommentId());
        view.put("parentId", c.getParentId());
        view.put("revision", c.getRevision());
        view.put("text", c.getComment());
        view.put("by", c.getActor().getId());
        view.put("byName", c.getActor().getDisplayName());
        view.put("role", DeskViews.role(c.getActor().getRole()));
        view.put("at", c.getAt().toString());
        view.put("replies", new ArrayList<Map<String, Object>>());
        return view;
    }

    private DeskQueue queueOf(SummaryCard card) {
        return DeskQueue.holding(card.current().getState()).orElseThrow(() -> new DeskProblem(HttpStatus.CONFLICT,
                "Not in a queue", card.summaryId() + " is in " + DeskViews.state(card.current().getState())
                        + ", not waiting in a review queue."));
    }

    private SummaryCard card(String summaryId) {
        return board.find(summaryId).orElseThrow(() -> new DeskProblem(HttpStatus.NOT_FOUND, "Unknown summary",
                "No summary " + summaryId + " is known to the desk."));
    }

    private Object lock(String summaryId) {
        return locks.computeIfAbsent(summaryId, id -> new Object());
    }
}
