package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Author;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.Paper;
import app.plainpaper.events.ReviewerProfile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        return with(profile.getConflicts(), paper).map(what -> "Conflict of interest: " + profile.getDisplayName()
                + " (" + username + ") declared a conflict with " + what + " and cannot sign off this paper.");
    }

    static Optional<String> with(DeclaredConflicts declared, Paper paper) {
        String doi = doi(paper.getDoi());
        for (String d : declared.getDois()) {
            if (!doi.isEmpty() && doi.equals(doi(d))) {
                return Optional.of("DOI " + paper.getDoi());
            }
        }
        for (String pmid : declared.getPmids()) {
            if (paper.getPmid() != null && paper.getPmid().strip().equals(pmid.strip())) {
                return Optional.of("PMID " + paper.getPmid());
            }
        }
        for (String name : declared.getAuthors()) {
            for (Author author : paper.getAuthors()) {
                if (!fold(name).isEmpty() && person(author.getName()).equals(person(name))) {
                    return Optional.of("the author " + author.getName());
                }
            }
        }
        List<String> places = new ArrayList<>();
        places.add(paper.getTitle());
        places.addAll(paper.getKeywords());
        paper.getAuthors().stream().map(Author::getAffiliation).filter(a -> a != null).forEach(places::add);
        for (String organisation : declared.getOrganisations()) {
            String wanted = fold(organisation);
            if (wanted.length() >= 3 && places.stream().anyMatch(p -> (" " + fold(p) + " ").contains(" " + wanted + " "))) {
                return Optional.of(organisation.strip());
            }
        }
        return Optional.empty();
    }

    private static String doi(String doi) {
        return doi == null ? "" : doi.strip().toLowerCase(Locale.ROOT).replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:)", "");
    }

    /** A person's name in any order: "Müller, Jana" and "Jana Muller" are one person. */
    static String person(String name) {
        return String.join(" ", java.util.Arrays.stream(fold(name).split(" ")).sorted().toList());
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
