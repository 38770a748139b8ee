package app.plainpaper.reviewchecks;

import app.plainpaper.events.Author;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.Paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a paper touches a reviewer's declared conflicts of interest: the same DOI or PMID, one of its authors, or a
 * declared organisation or keyword in its affiliations, title or keywords. The review workflow enforces it where the
 * sign-off is processed; the desk uses the same rule to answer at once.
 */
public final class ConflictsOfInterest {

    private ConflictsOfInterest() {
    }

    /** What the paper has that the reviewer declared ("DOI 10...", "the author Jana Müller", "Acme Neuro"), if anything. */
    public static Optional<String> between(DeclaredConflicts declared, Paper paper) {
        if (declared == null || paper == null) {
            return Optional.empty();
        }
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
    private static String person(String name) {
        return String.join(" ", Arrays.stream(fold(name).split(" ")).sorted().toList());
    }

    /** Lower case, accents and punctuation dropped, single spaces. */
    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
