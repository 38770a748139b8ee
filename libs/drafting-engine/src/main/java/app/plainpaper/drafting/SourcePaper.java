package app.plainpaper.drafting;

import java.util.List;
import java.util.Objects;

/**
 * The paper the engine drafts from. Only the title is required; every list may be empty.
 * Keywords, MeSH terms and publication types come from the bibliographic record when it has them.
 */
public record SourcePaper(String id, String title, String journal, Integer year, List<SourceSection> sections,
                          List<String> keywords, List<String> meshTerms, List<String> publicationTypes) {
    public SourcePaper {
        Objects.requireNonNull(title, "title");
        sections = sections == null ? List.of() : List.copyOf(sections);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        meshTerms = meshTerms == null ? List.of() : List.copyOf(meshTerms);
        publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
    }

    /** A paper with one unlabelled abstract block and no indexing terms. */
    public static SourcePaper unstructured(String id, String title, String journal, Integer year, String abstractText) {
        return new SourcePaper(id, title, journal, year, List.of(new SourceSection(null, abstractText)),
                List.of(), List.of(), List.of());
    }
}
