package app.plainpaper.site.pages;

import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.EvidenceLevel;
import app.plainpaper.site.content.Excerpt;
import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Html;

import java.util.ArrayList;
import java.util.List;

/**
 * One summary's page, in the order of the live site: breadcrumbs, title, journal/year/DOI/publication date,
 * category tags, review line, notices, Simple Explanation, study facts, Key Findings, Research Summary,
 * Practical Implications, Study Limitations, the original study, disclaimer note, feedback widget, back link.
 */
final class SummaryPage {

    static final String NOT_SPECIFIED = "Not specified";

    private final Layout layout;

    SummaryPage(Layout layout) {
        this.layout = layout;
    }

    String render(PublishedSummary s, List<Category> categories) {
        SiteSettings settings = layout.settings();
        Page page = new Page(Routes.summary(s.slug()), s.title())
                .description(Excerpt.of(s.simpleExplanation(), 160))
                .crumb("Home", Routes.HOME)
                .crumb("Research", Routes.RESEARCH);
        if (!categories.isEmpty()) {
            page.crumb(categories.get(0).name(), Routes.category(categories.get(0).slug()));
        }
        page.crumb(s.title(), page.path);
        page.ogType = "article";
        page.properties.add(new Page.Property("article:published_time", StructuredData.timestamp(s.publishedAt())));
        page.properties.add(new Page.Property("article:modified_time", StructuredData.timestamp(s.lastChanged())));
        if (!categories.isEmpty()) {
            page.properties.add(new Page.Property("article:section", categories.get(0).name()));
        }
        for (Category c : categories) {
            page.properties.add(new Page.Property("article:tag", c.name()));
        }
        page.jsonLd = StructuredData.summary(s, categories, settings);
        page.script(layout.assets().formsJs());
        if (s.retracted()) {
            page.noindex(); // kept for people who follow old links, not for search engines
        }
        return layout.render(page, h -> main(h, s, categories, settings));
    }

    private void main(Html h, PublishedSummary s, List<Category> categories, SiteSettings settings) {
        h.open("article", "class", "summary").nl();
        h.open("header").nl();
        if (s.preprint()) {
            h.element("p", "Preprint: not yet peer reviewed", "class", "label-preprint").nl();
        }
        h.element("h1", s.title()).nl();
        metaLine(h, s, settings);
        tags(h, categories);
        reviewLine(h, s, settings);
        h.close("header").nl();

        if (s.retracted()) {
            notice(h, "notice notice-retraction", "retraction-heading", "Retraction notice",
                    "The study this summary describes has been retracted by its publisher. Its findings should not "
                            + "be relied on. We keep this page so that links to it still explain what happened.");
        }
        if (s.preprint()) {
            notice(h, "notice", "preprint-heading", "About preprints",
                    "This summary describes a preprint: a study shared before peer review. Its findings may change "
                            + "and should be treated with extra caution.");
        }
        if (s.updatedAt() != null) {
            h.open("section", "class", "notice notice-update", "aria-labelledby", "update-heading").nl();
            h.open("h2", "id", "update-heading").text("Updated on ")
                    .element("time", settings.displayDate(s.updatedAt()),
                            "datetime", settings.localDate(s.updatedAt()).toString())
                    .close("h2").nl();
            if (s.correctionNote() != null && !s.correctionNote().isBlank()) {
                Layout.paragraphs(h, s.correctionNote());
            }
            h.close("section").nl();
        }

        section(h, "simple-explanation", "Simple Explanation", () -> Layout.paragraphs(h, s.simpleExplanation()));
        facts(h, s);
        section(h, "key-findings", "Key Findings", () -> numbered(h, s.keyFindings()));
        section(h, "research-summary", "Research Summary", () -> Layout.paragraphs(h, s.researchSummary()));
        section(h, "practical-implications", "Practical Implications", () -> {
            for (Implication implication : s.implications()) {
                h.open("div", "class", "implication").nl();
                h.element("h3", implication.title()).nl();
                Layout.paragraphs(h, implication.text());
                h.close("div").nl();
            }
        });
        section(h, "study-limitations", "Study Limitations", () -> numbered(h, s.limitations()));
        section(h, "original-study", "Original Study", () -> citation(h, s));

        h.open("p", "class", "disclaimer-note").text("This summary explains research in plain language. "
                + "It is not medical advice: talk to your doctor before changing any treatment. ")
                .element("a", "Read our disclaimer (" + settings.disclaimerVersion() + ")", "href", Routes.DISCLAIMER)
                .text(".").close("p").nl();
        h.close("article").nl();

        feedback(h, s);

        Category back = categories.isEmpty() ? null : categories.get(0);
        h.open("p", "class", "back-link");
        if (back != null) {
            h.element("a", "Back to " + back.name(), "href", Routes.category(back.slug()));
        } else {
            h.element("a", "Back to Latest Research", "href", Routes.RESEARCH);
        }
        h.close("p").nl();
    }

    private static void metaLine(Html h, PublishedSummary s, SiteSettings settings) {
        List<Runnable> parts = new ArrayList<>();
        String journalYear = journalYear(s);
        if (!journalYear.isEmpty()) {
            parts.add(() -> h.text(journalYear));
        }
        if (s.doi() != null && !s.doi().isBlank()) {
            String url = DoiLink.url(s.doi());
            parts.add(() -> h.text("DOI: ").element("a", url, "href", url));
        }
        if (s.publicationDate() != null) {
            parts.add(() -> h.text("Published: ").element("time", settings.displayDate(s.publicationDate()),
                    "datetime", s.publicationDate().toString()));
        }
        if (parts.isEmpty()) {
            return;
        }
        h.open("p", "class", "meta");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                h.raw(" <span class=\"separator\" aria-hidden=\"true\">\u00b7</span> ");
            }
            parts.get(i).run();
        }
        h.close("p").nl();
    }

    static String journalYear(PublishedSummary s) {
        boolean journal = s.journal() != null && !s.journal().isBlank();
        if (journal && s.year() != null) {
            return s.journal() + ", " + s.year();
        }
        if (journal) {
            return s.journal();
        }
        return s.year() == null ? "" : String.valueOf(s.year());
    }

    static void tags(Html h, List<Category> categories) {
        if (categories.isEmpty()) {
            return;
        }
        h.open("ul", "class", "tags", "aria-label", "Categories").nl();
        for (Category c : categories) {
            h.open("li").element("a", c.name(), "href", Routes.category(c.slug())).close("li").nl();
        }
        h.close("ul").nl();
    }

    private static void reviewLine(Html h, PublishedSummary s, SiteSettings settings) {
        h.open("p", "class", "review");
        if (s.reviewedBy() != null) {
            h.text("Medically reviewed by " + s.reviewedBy().display());
            if (s.reviewedOn() != null) {
                h.text(" on ").element("time", settings.displayDate(s.reviewedOn()),
                        "datetime", s.reviewedOn().toString());
            }
            h.raw(" <span class=\"separator\" aria-hidden=\"true\">\u00b7</span> ");
        }
        h.text("Last updated: ").element("time", settings.displayDate(s.lastChanged()),
                "datetime", settings.localDate(s.lastChanged()).toString());
        h.close("p").nl();
    }

    private static void notice(Html h, String cssClass, String id, String heading, String text) {
        h.open("section", "class", cssClass, "aria-labelledby", id).nl();
        h.element("h2", heading, "id", id).nl();
        h.element("p", text).nl();
        h.close("section").nl();
    }

    private static void section(Html h, String id, String heading, Runnable body) {
        h.open("section", "aria-labelledby", id).nl();
        h.element("h2", heading, "id", id).nl();
        body.run();
        h.close("section").nl();
    }

    private static void facts(Html h, PublishedSummary s) {
        h.open("section", "aria-labelledby", "study-details").nl();
        h.element("h2", "Study details", "id", "study-details", "class", "visually-hidden").nl();
        h.open("dl", "class", "facts").nl();
        fact(h, "Study Duration", orNotSpecified(s.studyDuration()));
        fact(h, "Participants", orNotSpecified(s.participants()));
        h.open("div").element("dt", "Evidence Level").open("dd");
        EvidenceLevel level = s.evidenceLevel();
        String label = evidenceLabel(level);
        h.text(label);
        if (level != null && level.reason() != null && !level.reason().isBlank() && !label.equals(NOT_SPECIFIED)) {
            h.element("span", " " + level.reason().strip(), "class", "evidence-reason");
        }
        h.close("dd").close("div").nl();
        h.close("dl").nl();
        h.close("section").nl();
    }

    /** "Level 2 (Oxford CEBM 2011): Cohort study", or "Not specified". */
    static String evidenceLabel(EvidenceLevel level) {
        if (level == null || level.level() == null || level.level().isBlank()) {
            return NOT_SPECIFIED;
        }
        String lvl = level.level().strip();
        StringBuilder label = new StringBuilder(lvl.regionMatches(true, 0, "level", 0, 5) ? lvl : "Level " + lvl);
        if (level.scale() != null && !level.scale().isBlank()) {
            label.append(" (").append(level.scale().strip()).append(')');
        }
        if (level.designLabel() != null && !level.designLabel().isBlank()) {
            label.append(": ").append(level.designLabel().strip());
        }
        return label.toString();
    }

    private static void fact(Html h, String term, String value) {
        h.open("div").element("dt", term).element("dd", value).close("div").nl();
    }

    private static String orNotSpecified(String value) {
        return value == null || value.isBlank() ? NOT_SPECIFIED : value.strip();
    }

    private static void numbered(Html h, List<String> items) {
        h.open("ol", "class", "numbered").nl();
        for (String item : items) {
            h.element("li", item).nl();
        }
        h.close("ol").nl();
    }

    private static void citation(Html h, PublishedSummary s) {
        h.open("p", "class", "citation");
        if (!s.authors().isEmpty()) {
            h.text(authorList(s.authors()) + ". ");
        }
        h.element("cite", s.title());
        String journalYear = journalYear(s);
        if (!journalYear.isEmpty()) {
            h.text(". " + journalYear);
        }
        h.text(".");
        if (s.doi() != null && !s.doi().isBlank()) {
            String url = DoiLink.url(s.doi());
            h.text(" ").element("a", "Read the original study", "href", url);
            h.text(".");
        }
        if (s.pmid() != null && !s.pmid().isBlank()) {
            h.text(" ").element("a", "PubMed " + s.pmid().strip(), "href", DoiLink.pubmedUrl(s.pmid()));
            h.text(".");
        }
        h.close("p").nl();
    }

    private static String authorList(List<String> authors) {
        if (authors.size() > 6) {
            return String.join(", ", authors.subList(0, 6)) + " et al";
        }
        return String.join(", ", authors);
    }

    private static void feedback(Html h, PublishedSummary s) {
        h.open("section", "class", "feedback", "aria-labelledby", "feedback-heading").nl();
        h.element("h2", "Your Feedback", "id", "feedback-heading").nl();
        h.open("form", "class", "feedback-form", "method", "post", "action", Routes.FEEDBACK_API,
                "data-enhance", "feedback",
                "data-success", "Thank you for your feedback.",
                "data-failure", "Sorry, we could not send your feedback. Please try again later.").nl();
        h.empty("input", "type", "hidden", "name", "summaryId", "value", s.summaryId()).nl();
        h.open("fieldset").nl();
        h.element("legend", "Was this summary helpful?").nl();
        h.open("div", "class", "choice")
                .empty("input", "type", "radio", "id", "helpful-yes", "name", "helpful", "value", "yes",
                        "required", "required")
                .element("label", "Yes", "for", "helpful-yes").close("div").nl();
        h.open("div", "class", "choice")
                .empty("input", "type", "radio", "id", "helpful-no", "name", "helpful", "value", "no")
                .element("label", "No", "for", "helpful-no").close("div").nl();
        h.close("fieldset").nl();
        h.open("div", "class", "field").nl();
        h.element("label", "Anything we could improve? (optional)", "for", "feedback-comment").nl();
        h.open("textarea", "id", "feedback-comment", "name", "comment", "rows", "4", "maxlength", "2000",
                "aria-describedby", "feedback-comment-hint").close("textarea").nl();
        h.element("p", "Please don't include personal or medical details.",
                "id", "feedback-comment-hint", "class", "hint").nl();
        h.close("div").nl();
        Forms.honeypot(h, "feedback-website");
        h.element("button", "Send feedback", "type", "submit").nl();
        h.element("p", "", "class", "form-status", "role", "status").nl();
        h.close("form").nl();
        h.close("section").nl();
    }
}
