package app.plainpaper.desk.api;

import app.plainpaper.desk.people.DeskIdentities;
import app.plainpaper.desk.people.DeskIdentity;
import app.plainpaper.desk.people.ReviewerDirectory;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.events.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reviewer profiles: the name and credentials shown on published pages, and declared conflicts of interest. */
@RestController
@RequestMapping("/api/people")
class PeopleController {

    private final ReviewerDirectory directory;
    private final DeskIdentities identities;

    PeopleController(ReviewerDirectory directory, DeskIdentities identities) {
        this.directory = directory;
        this.identities = identities;
    }

    record ProfileRequest(String displayName, String credentials, Conflicts conflicts) {
    }

    record Conflicts(List<String> dois, List<String> pmids, List<String> authors, List<String> organisations) {
    }

    @GetMapping
    List<Map<String, Object>> all(Authentication authentication) {
        requireAdmin(identities.of(authentication));
        return directory.all().stream().map(PeopleController::view).toList();
    }

    @GetMapping("/{username}/profile")
    Map<String, Object> profile(@PathVariable String username, Authentication authentication) {
        requireSelfOrAdmin(identities.of(authentication), username);
        return view(directory.find(username).orElseThrow(() -> new DeskProblem(HttpStatus.NOT_FOUND, "Unknown profile",
                "No profile for " + username + ".")));
    }

    /** The user edits their own profile; an admin edits anyone's. The whole profile is replaced. */
    @PutMapping("/{username}/profile")
    Map<String, Object> update(@PathVariable String username, @RequestBody ProfileRequest request, Authentication authentication) {
        DeskIdentity user = identities.of(authentication);
        requireSelfOrAdmin(user, username);
        if (request == null) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Profile required", "Send displayName, credentials and conflicts.");
        }
        Conflicts conflicts = request.conflicts() == null ? new Conflicts(null, null, null, null) : request.conflicts();
        ReviewerDirectory.problem(request.displayName(), request.credentials(),
                        java.util.Arrays.asList(conflicts.dois(), conflicts.pmids(), conflicts.authors(), conflicts.organisations()))
                .ifPresent(problem -> {
                    throw new DeskProblem(HttpStatus.BAD_REQUEST, "Invalid profile", problem);
                });
        Role as = user.has(Role.ADMIN) && !user.username().equals(username) ? Role.ADMIN
                : user.roles().stream().findFirst().orElse(Role.UNKNOWN);
        return view(directory.update(username, request.displayName(), request.credentials(),
                ReviewerDirectory.conflicts(conflicts.dois(), conflicts.pmids(), conflicts.authors(), conflicts.organisations()),
                user.actor(as)));
    }

    private static void requireSelfOrAdmin(DeskIdentity user, String username) {
        if (!user.username().equals(username) && !user.has(Role.ADMIN)) {
            throw new DeskProblem(HttpStatus.FORBIDDEN, "Not your profile", "Only " + username + " or an admin may do this.");
        }
    }

    private static void requireAdmin(DeskIdentity user) {
        if (!user.has(Role.ADMIN)) {
            throw new DeskProblem(HttpStatus.FORBIDDEN, "Admins only", "Only an admin may list every profile.");
        }
    }

    static Map<String, Object> view(ReviewerProfile profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", profile.getUsername());
        body.put("displayName", profile.getDisplayName());
        body.put("credentials", profile.getCredentials());
        body.put("conflicts", Map.of("dois", profile.getConflicts().getDois(), "pmids", profile.getConflicts().getPmids(),
                "authors", profile.getConflicts().getAuthors(), "organisations", profile.getConflicts().getOrganisations()));
        body.put("updatedBy", profile.getUpdatedBy().getId());
        body.put("updatedAt", profile.getUpdatedAt().toString());
        return body;
    }
}
