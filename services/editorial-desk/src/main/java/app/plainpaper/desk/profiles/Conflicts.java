package app.plainpaper.desk.profiles;

import app.plainpaper.events.Author;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.Paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a paper touches a reviewer's declared conflicts of interest: the same DOI or PMID, one of its authors, or a
 * declared organisation or keyword in its affiliations, title or keywords. The desk uses it to answer early; the
 * review workflow enforces the same rule where the sign-off is processed.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static Optional<String> with(DeclaredConflicts declared, Paper paper) {
        if (declared == null || paper == null) {
            return Optional.empty();
        }
        String doi = doi(paper.getDoi());
        for (String d : declared.getDois()) {
            if (!doi.isEmpty() && doi.equals(doi(d))) {
                return Optional.of("declared a conflict of interest with DOI " + paper.getDoi());
            }
        }
        for (String pmid : declared.getPmids()) {
            if (paper.getPmid() != null && paper.getPmid().strip().equals(pmid.strip())) {
                return Optional.of("declared a conflict of interest with PMID " + paper.getPmid());
            }
        }
        for (String name : declared.getAuthors()) {
            for (Author author : paper.getAuthors()) {
                if (!fold(name).isEmpty() && person(author.getName()).equals(person(name))) {
                    return Optional.of("declared a conflict of interest with the author " + author.getName());
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
                return Optional.of("declared a conflict of interest with " + organisation.strip());
            }
        }
        return Optional.empty();
    }

    static String doi(String doi) {
        if (doi == null) {
            return "";
        }
        return doi.strip().toLowerCase(Locale.ROOT).replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:)", "");
    }

    /** Lower case, accents and punctuation dropped, single spaces: "Müller, J." and "muller j" match. */
    /** A person's name in any order: "Müller, Jana" and "Jana Muller" are one person. */
    static String person(String name) {
        return String.join(" ", java.util.Arrays.stream(fold(name).split(" ")).sorted().toList());
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
