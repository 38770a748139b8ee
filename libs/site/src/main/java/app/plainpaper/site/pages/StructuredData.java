package app.plainpaper.site.pages;

import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.Excerpt;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Json;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org JSON-LD for a summary page: a MedicalWebPage (who reviewed it, when) whose main entity is a
 * MedicalScholarlyArticle (our summary), which cites and is based on the ScholarlyArticle it summarises.
 */
final class StructuredData {

    private StructuredData() {
    }

    static String summary(PublishedSummary s, List<Category> categories, SiteSettings settings) {
        String url = settings.absolute(Routes.summary(s.slug()));
        Map<String, Object> page = object("MedicalWebPage");
        page.put("@id", url);
        page.put("url", url);
        page.put("name", s.title());
        page.put("inLanguage", "en");
        Map<String, Object> site = object("WebSite");
        site.put("name", settings.siteName());
        site.put("url", settings.absolute(Routes.HOME));
        page.put("isPartOf", site);
        page.put("breadcrumb", breadcrumbs(s, categories, settings));
        if (s.reviewedBy() != null) {
            Map<String, Object> reviewer = object("Person");
            reviewer.put("name", s.reviewedBy().name());
            if (s.reviewedBy().credentials() != null && !s.reviewedBy().credentials().isBlank()) {
                reviewer.put("honorificSuffix", s.reviewedBy().credentials());
            }
            page.put("reviewedBy", reviewer);
        }
        if (s.reviewedOn() != null) {
            page.put("lastReviewed", s.reviewedOn().toString());
        }
        page.put("mainEntity", Map.of("@id", url + "#summary"));

        Map<String, Object> article = object("MedicalScholarlyArticle");
        article.put("@id", url + "#summary");
        article.put("url", url);
        article.put("headline", Excerpt.of(s.title(), 110));
        article.put("name", s.title());
        article.put("description", Excerpt.of(s.simpleExplanation(), 300));
        article.put("inLanguage", "en");
        article.put("datePublished", timestamp(s.publishedAt()));
        article.put("dateModified", timestamp(s.lastChanged()));
        if (!categories.isEmpty()) {
            article.put("keywords", categories.stream().map(Category::name).toList());
        }
        Map<String, Object> audience = object("PeopleAudience");
        audience.put("audienceType", "Patients, caregivers and the public");
        article.put("audience", audience);
        Map<String, Object> publisher = object("Organization");
        publisher.put("name", settings.siteName());
        publisher.put("url", settings.absolute(Routes.HOME));
        article.put("publisher", publisher);
        Map<String, Object> study = study(s);
        article.put("isBasedOn", study);
        article.put("citation", study);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", List.of(page, article));
        return Json.write(root, true);
    }

    private static Map<String, Object> study(PublishedSummary s) {
        Map<String, Object> study = object("ScholarlyArticle");
        String doiUrl = s.doi() == null || s.doi().isBlank() ? null : DoiLink.url(s.doi());
        if (doiUrl != null) {
            study.put("@id", doiUrl);
            study.put("url", doiUrl);
        }
        study.put("name", s.title());
        study.put("headline", Excerpt.of(s.title(), 110));
        List<Object> identifiers = new ArrayList<>();
        if (doiUrl != null) {
            identifiers.add(identifier("DOI", s.doi().strip()));
        }
        if (s.pmid() != null && !s.pmid().isBlank()) {
            identifiers.add(identifier("PMID", s.pmid().strip()));
            study.put("sameAs", DoiLink.pubmedUrl(s.pmid()));
        }
        if (!identifiers.isEmpty()) {
            study.put("identifier", identifiers);
        }
        if (!s.authors().isEmpty()) {
            List<Object> authors = new ArrayList<>();
            for (String name : s.authors()) {
                Map<String, Object> person = object("Person");
                person.put("name", name);
                authors.add(person);
            }
            study.put("author", authors);
        }
        if (s.publicationDate() != null) {
            study.put("datePublished", s.publicationDate().toString());
        } else if (s.year() != null) {
            study.put("datePublished", String.valueOf(s.year()));
        }
        if (s.journal() != null && !s.journal().isBlank()) {
            Map<String, Object> periodical = object("Periodical");
            periodical.put("name", s.journal());
            study.put("isPartOf", periodical);
        }
        if (s.retracted()) {
            study.put("creativeWorkStatus", "Retracted");
        } else if (s.preprint()) {
            study.put("creativeWorkStatus", "Preprint");
        }
        return study;
    }

    private static Map<String, Object> breadcrumbs(PublishedSummary s, List<Category> categories,
                                                   SiteSettings settings) {
        List<Object> items = new ArrayList<>();
        items.add(crumb(1, "Home", settings.absolute(Routes.HOME)));
        items.add(crumb(2, "Research", settings.absolute(Routes.RESEARCH)));
        int position = 3;
        if (!categories.isEmpty()) {
            Category primary = categories.get(0);
            items.add(crumb(position++, primary.name(), settings.absolute(Routes.category(primary.slug()))));
        }
        items.add(crumb(position, s.title(), settings.absolute(Routes.summary(s.slug()))));
        Map<String, Object> list = object("BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = object("ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    private static Map<String, Object> identifier(String kind, String value) {
        Map<String, Object> id = object("PropertyValue");
        id.put("propertyID", kind);
        id.put("value", value);
        return id;
    }

    private static Map<String, Object> object(String type) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("@type", type);
        return map;
    }

    static String timestamp(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
