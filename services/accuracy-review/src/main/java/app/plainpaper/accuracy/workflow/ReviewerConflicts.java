package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Paper;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.reviewchecks.ConflictsOfInterest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviewers' declared conflicts of interest, from the desk's reviewer profiles (latest wins). A reviewer cannot sign
 * off a paper with a declared DOI or PMID, one of its authors, or a declared organisation or keyword in its
 * affiliations, title or keywords.
 */
public class ReviewerConflicts {

    private final Map<String, ReviewerProfile> profiles = new ConcurrentHashMap<>();

    public void apply(ReviewerProfile profile) {
        profiles.merge(profile.getUsername(), profile,
                (held, next) -> next.getUpdatedAt().isBefore(held.getUpdatedAt()) ? held : next);
    }

    /** Why {@code username} may not sign off {@code paper}, if they declared a conflict with it. */
    public Optional<String> conflict(String username, Paper paper) {
        ReviewerProfile profile = profiles.get(username);
        if (profile == null || paper == null) {
            return Optional.empty();
        }
        return ConflictsOfInterest.between(profile.getConflicts(), paper).map(what -> "Conflict of interest: " + profile.getDisplayName()
                + " (" + username + ") declared a conflict with " + what + " and cannot sign off this paper.");
    }
}
