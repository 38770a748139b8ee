package app.plainpaper.desk.people;

import app.plainpaper.desk.kafka.DeskRecords;
import app.plainpaper.desk.kafka.KafkaUnavailable;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.events.Actor;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.events.Role;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reviewer profiles: seeded from configuration for configured users who have none yet, edited by the user or an
 * admin, published to the compacted desk.reviewer-profiles topic (which the review workflow reads for conflicts).
 */
public class ReviewerDirectory {

    static final int MAX_TEXT = 200;
    static final int MAX_ENTRIES = 200;

    private final ReviewerProfiles profiles;
    private final DeskRecords records;
    private final DeskPeople people;
    private final DeskSettings settings;
    private final Clock clock;

    public ReviewerDirectory(ReviewerProfiles profiles, DeskRecords records, DeskPeople people, DeskSettings settings, Clock clock) {
        this.profiles = profiles;
        this.records = records;
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Publishes the seed profile of each configured user who has none, neither in the read model nor among
     * {@code usersOnTopic}. Call it only once the model has been replayed from the topic: a profile edited before a
     * restart must never be replaced by configuration.
     *
     * @return the users seeded by this call
     * @throws KafkaUnavailable when a profile could not be written; the ones written before it stay written
     */
    public synchronized List<String> seedMissing(Set<String> usersOnTopic) {
        Actor system = Actor.newBuilder().setId("editorial-desk").setRole(Role.SYSTEM).build();
        List<String> seeded = new ArrayList<>();
        for (DeskUser user : people.all()) {
            if (usersOnTopic.contains(user.username()) || profiles.find(user.username()).isPresent()) {
                continue;
            }
            var seed = settings.profiles().get(user.username());
            String displayName = seed != null && seed.displayName() != null ? seed.displayName() : user.displayName();
            String credentials = seed != null && seed.credentials() != null ? seed.credentials() : user.credentials();
            DeclaredConflicts conflicts = seed == null ? DeclaredConflicts.newBuilder().build()
                    : conflicts(seed.dois(), seed.pmids(), seed.authors(), seed.organisations());
            records.profile(profile(user.username(), displayName == null ? user.username() : displayName, credentials,
                    conflicts, system));
            seeded.add(user.username());
        }
        return seeded;
    }

    public Optional<ReviewerProfile> find(String username) {
        return profiles.find(username);
    }

    public List<ReviewerProfile> all() {
        return profiles.all();
    }

    /** Synchronized with {@link #seedMissing}: an edit is never followed by a seed record for the same user. */
    public synchronized ReviewerProfile update(String username, String displayName, String credentials, DeclaredConflicts conflicts, Actor by) {
        ReviewerProfile profile = profile(username, displayName, credentials, conflicts, by);
        records.profile(profile);
        return profile;
    }

    /** What is wrong with an edit, if anything. */
    public static Optional<String> problem(String displayName, String credentials, List<List<String>> lists) {
        if (displayName == null || displayName.isBlank()) {
            return Optional.of("displayName is required: it is shown on published pages.");
        }
        if (displayName.length() > MAX_TEXT || (credentials != null && credentials.length() > MAX_TEXT)) {
            return Optional.of("displayName and credentials are at most " + MAX_TEXT + " characters.");
        }
        for (List<String> list : lists) {
            if (list != null && list.size() > MAX_ENTRIES) {
                return Optional.of("At most " + MAX_ENTRIES + " entries per conflict list.");
            }
            if (list != null && list.stream().anyMatch(e -> e == null || e.isBlank() || e.length() > MAX_TEXT)) {
                return Optional.of("Conflict entries must be non-blank and at most " + MAX_TEXT + " characters.");
            }
        }
        return Optional.empty();
    }

    public static DeclaredConflicts conflicts(List<String> dois, List<String> pmids, List<String> authors, List<String> organisations) {
        return DeclaredConflicts.newBuilder()
                .setDois(clean(dois)).setPmids(clean(pmids)).setAuthors(clean(authors)).setOrganisations(clean(organisations))
                .build();
    }

    private static List<String> clean(List<String> entries) {
        return entries == null ? List.of() : entries.stream().map(String::strip).distinct().toList();
    }

    private ReviewerProfile profile(String username, String displayName, String credentials, DeclaredConflicts conflicts, Actor by) {
        return ReviewerProfile.newBuilder()
                .setUsername(username)
                .setDisplayName(displayName.strip())
                .setCredentials(credentials == null || credentials.isBlank() ? null : credentials.strip())
                .setConflicts(conflicts)
                .setUpdatedBy(by)
                .setUpdatedAt(clock.instant())
                .build();
    }
}
