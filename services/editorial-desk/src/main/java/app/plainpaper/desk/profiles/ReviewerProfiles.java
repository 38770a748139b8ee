package app.plainpaper.desk.profiles;

import app.plainpaper.events.ReviewerProfile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest profile of each reviewer, rebuilt from the compacted profiles topic. */
public class ReviewerProfiles {

    private final Map<String, ReviewerProfile> byUser = new ConcurrentHashMap<>();

    public void apply(ReviewerProfile profile) {
        byUser.merge(profile.getUsername(), profile,
                (held, next) -> next.getUpdatedAt().isBefore(held.getUpdatedAt()) ? held : next);
    }

    public Optional<ReviewerProfile> find(String username) {
        return Optional.ofNullable(byUser.get(username));
    }

    public List<ReviewerProfile> all() {
        return byUser.values().stream().sorted(Comparator.comparing(ReviewerProfile::getUsername)).toList();
    }
}
