package app.plainpaper.ingestion.paper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One paper as other systems send it: the record format of the dev abstracts
 * ({@code id, source, title, journal, year, doi, pmid, sections, abstract_text}), with optional authors and date.
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
        List<String> keywords) {

    public record Section(String label, String text) {
    }
}
