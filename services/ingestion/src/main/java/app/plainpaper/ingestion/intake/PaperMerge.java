package app.plainpaper.ingestion.intake;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Author;
import app.plainpaper.events.Paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a later arrival of a known paper adds to what ingestion already holds. Only additions count: a field the
 * paper lacked, a structured abstract where it had a plain one, MeSH terms, keywords or authors it did not have.
 * Nothing already known is overwritten with something different, so two sources cannot flip a paper back and forth.
 */
public final class PaperMerge {

    private PaperMerge() {
    }

    /** The merged paper and the names of what was added; empty when the newcomer adds nothing. */
    public static Optional<Result> merge(Paper known, Paper incoming) {
        Paper.Builder merged = Paper.newBuilder(known);
        List<String> added = new ArrayList<>();
        fill(known.getDoi(), incoming.getDoi(), merged::setDoi, "doi", added);
        fill(known.getPmid(), incoming.getPmid(), merged::setPmid, "pmid", added);
        fill(known.getPmcid(), incoming.getPmcid(), merged::setPmcid, "pmcid", added);
        fill(known.getJournal(), incoming.getJournal(), merged::setJournal, "journal", added);
        fill(known.getYear(), incoming.getYear(), merged::setYear, "year", added);
        fill(known.getPublicationDate(), incoming.getPublicationDate(), merged::setPublicationDate, "publication date", added);
        fill(known.getLicence(), incoming.getLicence(), merged::setLicence, "licence", added);
        fill(known.getLanguage(), incoming.getLanguage(), merged::setLanguage, "language", added);
        fill(known.getAuthorSummary(), incoming.getAuthorSummary(), merged::setAuthorSummary, "author summary", added);
        if (richerAbstract(known.getAbstractSections(), incoming.getAbstractSections())) {
            merged.setAbstractSections(new ArrayList<>(incoming.getAbstractSections()));
            added.add("abstract sections");
        }
        if (incoming.getAuthors().size() > known.getAuthors().size()) {
            merged.setAuthors(new ArrayList<>(incoming.getAuthors()));
            added.add("authors");
        } else if (incoming.getAuthors().size() == known.getAuthors().size() && addsAuthorDetail(known.getAuthors(), incoming.getAuthors())) {
            merged.setAuthors(withDetail(known.getAuthors(), incoming.getAuthors()));
            added.add("author identifiers");
        }
        union(known.getMeshTerms(), incoming.getMeshTerms(), merged::setMeshTerms, "MeSH terms", added);
        union(known.getKeywords(), incoming.getKeywords(), merged::setKeywords, "keywords", added);
        union(known.getPublicationTypes(), incoming.getPublicationTypes(), merged::setPublicationTypes, "publication types", added);
        return added.isEmpty() ? Optional.empty() : Optional.of(new Result(merged.build(), List.copyOf(added)));
    }

    public record Result(Paper paper, List<String> added) {
    }

    /** More labelled sections than before, or any text where there was none. */
    static boolean richerAbstract(List<AbstractSection> known, List<AbstractSection> incoming) {
        long knownLabelled = known.stream().filter(s -> s.getLabel() != null).count();
        long incomingLabelled = incoming.stream().filter(s -> s.getLabel() != null).count();
        return (known.isEmpty() && !incoming.isEmpty()) || incomingLabelled > knownLabelled;
    }

    private static boolean addsAuthorDetail(List<Author> known, List<Author> incoming) {
        for (int i = 0; i < known.size(); i++) {
            if ((known.get(i).getOrcid() == null && incoming.get(i).getOrcid() != null)
                    || (known.get(i).getAffiliation() == null && incoming.get(i).getAffiliation() != null)) {
                return true;
            }
        }
        return false;
    }

    private static List<Author> withDetail(List<Author> known, List<Author> incoming) {
        List<Author> out = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            Author k = known.get(i);
            Author n = incoming.get(i);
            out.add(Author.newBuilder(k)
                    .setOrcid(k.getOrcid() != null ? k.getOrcid() : n.getOrcid())
                    .setAffiliation(k.getAffiliation() != null ? k.getAffiliation() : n.getAffiliation())
                    .build());
        }
        return out;
    }

    private static <T> void fill(T known, T incoming, java.util.function.Consumer<T> setter, String name, List<String> added) {
        if (known == null && incoming != null) {
            setter.accept(incoming);
            added.add(name);
        }
    }

    private static void union(List<String> known, List<String> incoming, java.util.function.Consumer<List<String>> setter,
                              String name, List<String> added) {
        var all = new LinkedHashSet<>(known);
        boolean grew = false;
        for (String term : incoming) {
            grew |= all.add(Objects.requireNonNull(term));
        }
        if (grew) {
            setter.accept(new ArrayList<>(all));
            added.add(name);
        }
    }
}
