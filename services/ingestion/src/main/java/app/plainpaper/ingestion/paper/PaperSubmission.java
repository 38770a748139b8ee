package app.plainpaper.ingestion.paper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One paper as other systems send it: the record format of the dev abstracts
 * ({@code id, source, title, journal, year, doi, pmid, sections, abstract_text}), with optional authors, date,
 * keywords, MeSH terms, publication types, retracted/preprint flags and author summary.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaperSubmission(
        String id,
        Object source,
        String title,
        String journal,
        Integer year,
        String doi,
        String pmid,
        String pmcid,
        List<Section> sections,
        @JsonProperty("abstract_text") String abstractText,
        List<String> authors,
        String published,
        String licence,
        List<String> keywords,
        @JsonProperty("mesh_terms") List<String> meshTerms,
        @JsonProperty("publication_types") List<String> publicationTypes,
        Boolean retracted,
        Boolean preprint,
        @JsonProperty("author_summary") String authorSummary) {

    /** Without the optional bibliographic extras (MeSH terms, publication types, flags, author summary). */
    public PaperSubmission(String id, Object source, String title, String journal, Integer year, String doi, String pmid,
                           String pmcid, List<Section> sections, String abstractText, List<String> authors,
                           String published, String licence, List<String> keywords) {
        this(id, source, title, journal, year, doi, pmid, pmcid, sections, abstractText, authors, published, licence,
                keywords, null, null, null, null, null);
    }

    public record Section(String label, String text) {
    }
}
