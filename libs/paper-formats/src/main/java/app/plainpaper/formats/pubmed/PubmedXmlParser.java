package app.plainpaper.formats.pubmed;

import static app.plainpaper.formats.xml.Dom.attr;
import static app.plainpaper.formats.xml.Dom.child;
import static app.plainpaper.formats.xml.Dom.children;
import static app.plainpaper.formats.xml.Dom.name;
import static app.plainpaper.formats.xml.Dom.path;
import static app.plainpaper.formats.xml.Dom.text;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.xml.Dom;
import app.plainpaper.formats.xml.RejectedXmlException;
import app.plainpaper.formats.xml.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads PubMed EFetch XML ({@code PubmedArticleSet}, as from efetch db=pubmed retmode=xml or the
 * PubMed web "Save as XML"). Each {@code PubmedArticle} becomes one record; a record the pipeline
 * cannot use is rejected with its reason while the others go through.
 */
public final class PubmedXmlParser {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    /** Throws only {@link RejectedXmlException}, for a file that is unsafe, malformed or not PubMed XML. */
    public List<ParsedRecord> parse(InputStream in) {
        Element root = SafeXml.parse(in).getDocumentElement();
        if (!name(root).equals("PubmedArticleSet")) {
            throw new RejectedXmlException(RejectedXmlException.Reason.UNEXPECTED_ROOT,
                    "expected PubmedArticleSet, found " + name(root), null);
        }
        List<ParsedRecord> records = new ArrayList<>();
        int position = 0;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            String kind = name(e);
            if (kind.equals("DeleteCitation")) continue; // not a record: a list of withdrawn PMIDs
            position++;
            records.add(record(position, e));
        }
        return List.copyOf(records);
    }

    private static ParsedRecord record(int position, Element e) {
        if (!name(e).equals("PubmedArticle")) {
            return new ParsedRecord.Rejected(position, null, "not a journal article: " + name(e));
        }
        try {
            return article(position, e);
        } catch (RuntimeException unexpected) {
            // A structurally odd record must not take the rest of the file with it.
            return new ParsedRecord.Rejected(position, null, "unreadable record: " + unexpected);
        }
    }

    private static ParsedRecord article(int position, Element pubmedArticle) {
        Element citation = child(pubmedArticle, "MedlineCitation");
        Element article = child(citation, "Article");
        String pmid = text(child(citation, "PMID"));
        if (article == null) {
            return new ParsedRecord.Rejected(position, pmid, "no Article element");
        }
        String title = text(child(article, "ArticleTitle"));
        if (title == null) title = text(child(article, "VernacularTitle"));
        List<AbstractSection> sections = new ArrayList<>();
        for (Element t : children(child(article, "Abstract"), "AbstractText")) {
            String body = Dom.blockText(t, Set.of());
            if (body != null) sections.add(new AbstractSection(attr(t, "Label"), body));
        }
        if (title == null) return new ParsedRecord.Rejected(position, pmid, "no title");
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, pmid, "no abstract");

        Element pubmedData = child(pubmedArticle, "PubmedData");
        String doi = articleId(pubmedData, "doi");
        if (doi == null) {
            for (Element loc : children(article, "ELocationID")) {
                if ("doi".equals(attr(loc, "EIdType"))) doi = text(loc);
            }
        }
        List<String> types = new ArrayList<>();
        for (Element t : children(child(article, "PublicationTypeList"), "PublicationType")) {
            if (text(t) != null) types.add(text(t));
        }
        List<String> keywords = new ArrayList<>();
        for (Element list : children(citation, "KeywordList")) {
            for (Element k : children(list, "Keyword")) {
                if (text(k) != null) keywords.add(text(k));
            }
        }
        List<String> mesh = new ArrayList<>();
        for (Element h : children(child(citation, "MeshHeadingList"), "MeshHeading")) {
            String d = text(child(h, "DescriptorName"));
            if (d != null) mesh.add(d);
        }
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                doi,
                pmid,
                articleId(pubmedData, "pmc"),
                text(path(article, "Journal", "Title")),
                date(path(article, "Journal", "JournalIssue", "PubDate"), article),
                authors(child(article, "AuthorList")),
                sections,
                keywords,
                mesh,
                types,
                null, // PubMed XML carries no licence; CopyrightInformation is a copyright line, not a licence
                text(child(article, "Language")),
                types.contains("Retracted Publication"),
                types.contains("Preprint"),
                null));
    }

    private static String articleId(Element pubmedData, String type) {
        for (Element id : children(child(pubmedData, "ArticleIdList"), "ArticleId")) {
            if (type.equals(attr(id, "IdType"))) return text(id);
        }
        return null;
    }

    private static List<Author> authors(Element list) {
        List<Author> out = new ArrayList<>();
        for (Element a : children(list, "Author")) {
            if ("N".equals(attr(a, "ValidYN"))) continue;
            String orcid = null;
            for (Element id : children(a, "Identifier")) {
                if ("ORCID".equalsIgnoreCase(attr(id, "Source"))) orcid = orcid(text(id));
            }
            List<String> affiliations = new ArrayList<>();
            for (Element info : children(a, "AffiliationInfo")) {
                String aff = text(child(info, "Affiliation"));
                if (aff != null) affiliations.add(aff);
            }
            String given = text(child(a, "ForeName"));
            if (given == null) given = text(child(a, "Initials"));
            out.add(new Author(text(child(a, "LastName")), given, text(child(a, "CollectiveName")), orcid,
                    affiliations));
        }
        return out;
    }

    /** ORCIDs appear as bare ids or as URLs; keep the bare 0000-0000-0000-000X form. */
    static String orcid(String raw) {
        if (raw == null) return null;
        Matcher m = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])").matcher(raw);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : raw;
    }

    private static PublicationDate date(Element pubDate, Element article) {
        PublicationDate d = dateOf(pubDate);
        if (d != null) return d;
        for (Element ad : children(article, "ArticleDate")) {
            d = dateOf(ad);
            if (d != null) return d;
        }
        return null;
    }

    private static PublicationDate dateOf(Element e) {
        if (e == null) return null;
        String year = text(child(e, "Year"));
        if (year == null) {
            String medline = text(child(e, "MedlineDate")); // e.g. "1998 Dec-1999 Jan"
            if (medline == null) return null;
            Matcher m = YEAR.matcher(medline);
            return m.find() ? new PublicationDate(Integer.parseInt(m.group(1)), null, null) : null;
        }
        if (!year.matches("\\d{4}")) return null;
        Integer month = month(text(child(e, "Month")));
        Integer day = month == null ? null : number(text(child(e, "Day")), 31);
        return new PublicationDate(Integer.parseInt(year), month, day);
    }

    private static Integer month(String raw) {
        if (raw == null) return null;
        Integer n = number(raw, 12);
        if (n != null) return n;
        int i = MONTHS.indexOf(raw.length() >= 3 ? raw.substring(0, 3).toLowerCase(Locale.ROOT) : raw);
        return i < 0 ? null : i + 1;
    }

    private static Integer number(String raw, int max) {
        if (raw == null || !raw.matches("\\d{1,2}")) return null;
        int n = Integer.parseInt(raw);
        return n >= 1 && n <= max ? n : null;
    }
}
