package app.plainpaper.formats;

import java.util.List;

/** One paper's metadata as read from a source file; absent values are null or empty lists. */
public record ParsedPaper(
        String title,
        String doi,
        String pmid,
        String pmcid,
        String journal,
        PublicationDate publicationDate,
        List<Author> authors,
        List<AbstractSection> abstractSections,
        List<String> keywords,
        List<String> meshTerms,
        List<String> publicationTypes,
        String licence,
        String language,
        boolean retracted,
        boolean preprint,
        String authorSummary) {

    public ParsedPaper {
        authors = List.copyOf(authors);
        abstractSections = List.copyOf(abstractSections);
        keywords = List.copyOf(keywords);
        meshTerms = List.copyOf(meshTerms);
        publicationTypes = List.copyOf(publicationTypes);
    }

    /** Abstract as plain text: labelled sections as "LABEL: text", separated by blank lines. */
    public String abstractText() {
        StringBuilder out = new StringBuilder();
        for (AbstractSection s : abstractSections) {
            if (!out.isEmpty()) out.append("\n\n");
            if (s.label() != null) out.append(s.label()).append(": ");
            out.append(s.text());
        }
        return out.toString();
    }

    public record Author(String familyName, String givenNames, String collectiveName, String orcid,
                         List<String> affiliations) {
        public Author {
            affiliations = List.copyOf(affiliations);
        }

        public String displayName() {
            if (collectiveName != null) return collectiveName;
            return givenNames == null ? familyName : givenNames + " " + familyName;
        }
    }

    /** A section of an abstract; label exactly as the source gives it, null for an unlabelled abstract. */
    public record AbstractSection(String label, String text) {
    }

    /** Year always; month and day only when the source gives them. */
    public record PublicationDate(int year, Integer month, Integer day) {
    }
}
