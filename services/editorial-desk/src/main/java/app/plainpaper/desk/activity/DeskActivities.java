package app.plainpaper.desk.activity;

import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskActivityKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Claims and comments, rebuilt from the desk's activity topic: who holds each summary now, and the comments on each
 * revision. Each activity counts once, whatever the delivery.
 */
public class DeskActivities {

    public record Claim(String summaryId, String username, String displayName, java.time.Instant since) {
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final Map<String, List<DeskActivity>> comments = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Consumer<DeskActivity>> watchers = new CopyOnWriteArrayList<>();

    public void apply(DeskActivity activity) {
        if (!seen.add(activity.getActivityId())) {
            return;
        }
        String summaryId = activity.getSummaryId();
        switch (activity.getKind()) {
            case CLAIMED -> claims.put(summaryId, new Claim(summaryId, activity.getActor().getId(),
                    activity.getActor().getDisplayName(), activity.getAt()));
            case RELEASED -> claims.remove(summaryId);
            case COMMENTED -> comments.computeIfAbsent(summaryId, id -> new CopyOnWriteArrayList<>()).add(activity);
            default -> {
                return;
            }
        }
        watchers.forEach(watcher -> watcher.accept(activity));
    }

    public void watch(Consumer<DeskActivity> watcher) {
        watchers.add(watcher);
    }

    public Optional<Claim> claim(String summaryId) {
        return Optional.ofNullable(claims.get(summaryId));
    }

    /** Comments on one revision, oldest first. */
    public List<DeskActivity> comments(String summaryId, int revision) {
        List<DeskActivity> onRevision = new ArrayList<>(comments.getOrDefault(summaryId, List.of()).stream()
                .filter(c -> c.getRevision() == revision).toList());
        onRevision.sort(Comparator.comparing(DeskActivity::getAt).thenComparing(DeskActivity::getActivityId));
        return onRevision;
    }

    public Optional<DeskActivity> comment(String summaryId, String commentId) {
        return comments.getOrDefault(summaryId, List.of()).stream()
                .filter(c -> commentId.equals(c.getCommentId())).findFirst();
    }

    public int commentCount(String summaryId) {
        return comments.getOrDefault(summaryId, List.of()).size();
    }

    public Set<String> claimedBy(String username) {
        Set<String> held = new HashSet<>();
        claims.values().stream().filter(c -> c.username().equals(username)).forEach(c -> held.add(c.summaryId()));
        return held;
    }

}
