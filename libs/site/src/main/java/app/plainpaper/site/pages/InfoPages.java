package app.plainpaper.site.pages;

import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Html;

import java.util.function.Consumer;

/** About, disclaimer, contact, subscribe, privacy, search and the error pages. */
final class InfoPages {

    private final Layout layout;
    private final SiteSettings settings;

    InfoPages(Layout layout) {
        this.layout = layout;
        this.settings = layout.settings();
    }

    String about() {
        return simple(Routes.ABOUT, "About", Page.Nav.ABOUT,
                "Why this site exists and how the summaries are made.", h -> {
                    h.element("p", settings.tagline() + " " + settings.description()).nl();
                    h.element("h2", "How summaries are made").nl();
                    h.element("p", "Each summary starts from a published, peer-reviewed study (or a clearly "
                            + "labelled preprint). We explain what the researchers did, what they found and what it "
                            + "could mean for people living with spinal cord injury, in plain language.").nl();
                    h.element("p", "Before a summary is published, a medical reviewer checks it against the "
                            + "original study. Each summary names its reviewer and links to the original study, so "
                            + "you can always read the source.").nl();
                    h.element("h2", "Corrections").nl();
                    h.element("p", "When we correct a summary we say so at the top of the page, with the date "
                            + "and what changed. If a study is retracted, its summary carries a retraction notice "
                            + "and is removed from our listings.").nl();
                    h.open("p").text("Summaries are not medical advice. Please read our ")
                            .element("a", "disclaimer", "href", Routes.DISCLAIMER).text(".").close("p").nl();
                });
    }

    String disclaimer() {
        String version = settings.disclaimerVersion();
        return simple(Routes.DISCLAIMER, "Disclaimer", Page.Nav.NONE,
                "Our summaries explain research; they are not medical advice.", h -> {
                    h.element("p", "Disclaimer " + version, "class", "meta", "id", "disclaimer-version").nl();
                    h.element("p", "The summaries on " + settings.siteName() + " are for general information "
                            + "only. They are not medical advice, and they are not a substitute for advice, "
                            + "diagnosis or treatment from a qualified health professional.").nl();
                    h.element("p", "Always talk to your doctor or another qualified health professional about "
                            + "your own situation before you start, stop or change any treatment. Never ignore "
                            + "professional medical advice or delay seeking it because of something you read "
                            + "here.").nl();
                    h.element("p", "If you think you may have a medical emergency, call your local emergency "
                            + "number straight away.").nl();
                    h.element("p", "Each summary describes a single study. One study rarely settles a question, "
                            + "and results in research settings may not apply to you. Summaries are checked by a "
                            + "medical reviewer, but they can still contain mistakes; the original study, linked "
                            + "from every summary, is the authoritative source.").nl();
                    h.element("p", "We do not recommend or endorse any treatment, product, clinic or clinical "
                            + "trial mentioned in a summary.").nl();
                });
    }

    String contact() {
        return simple(Routes.CONTACT, "Contact Us", Page.Nav.CONTACT, "How to reach the editors.", h -> {
            h.open("p").text("Questions, corrections or ideas for studies to summarise: write to ")
                    .element("a", settings.contactEmail(), "href", "mailto:" + settings.contactEmail())
                    .text(".").close("p").nl();
            h.element("p", "We can't answer questions about your own health or treatment. Please ask your "
                    + "doctor or care team.").nl();
            h.open("p").text("To tell us whether a summary was helpful, use the feedback form at the end of each "
                    + "summary. To get new summaries by email, ")
                    .element("a", "subscribe", "href", Routes.SUBSCRIBE).text(".").close("p").nl();
        });
    }

    String subscribe() {
        Page page = basePage(Routes.SUBSCRIBE, "Subscribe", Page.Nav.SUBSCRIBE,
                "Get new research summaries by email.");
        page.script(layout.assets().formsJs());
        return layout.render(page, h -> {
            h.element("h1", "Subscribe").nl();
            h.element("p", "Get an email when we publish new research summaries. You can unsubscribe at any "
                    + "time with the link in every email.").nl();
            h.open("form", "class", "subscribe-form", "method", "post", "action", Routes.SUBSCRIBE_API,
                    "data-enhance", "subscribe",
                    "data-success", "Thank you. Please check your inbox to confirm your subscription.",
                    "data-failure", "Sorry, we could not subscribe you. Please check the address and try again.")
                    .nl();
            h.open("div", "class", "field").nl();
            h.element("label", "Email address", "for", "subscribe-email").nl();
            h.empty("input", "type", "email", "id", "subscribe-email", "name", "email", "required", "required",
                    "autocomplete", "email", "maxlength", "254", "aria-describedby", "subscribe-hint").nl();
            h.open("p", "id", "subscribe-hint", "class", "hint")
                    .text("We use your address only to send new summaries. See our ")
                    .element("a", "privacy notice", "href", Routes.PRIVACY).text(".").close("p").nl();
            h.close("div").nl();
            Forms.honeypot(h, "subscribe-website");
            h.element("button", "Subscribe", "type", "submit").nl();
            h.element("p", "", "class", "form-status", "role", "status").nl();
            h.close("form").nl();
            h.open("p").text("Prefer a feed reader? Follow our ")
                    .element("a", "Atom feed", "href", Routes.FEED).text(".").close("p").nl();
        });
    }

    String privacy() {
        return simple(Routes.PRIVACY, "Privacy", Page.Nav.NONE, "What we keep, why, for how long, and how to erase it.", h -> {
            h.element("p", "This site uses no cookies, no analytics and no third-party scripts. We don't ask for "
                    + "your name.").nl();
            h.element("h2", "Feedback").nl();
            h.element("p", "When you answer \"Was this summary helpful?\" we keep your yes or no, which summary it "
                    + "is about and when. Our editors use the answers to improve summaries: a summary that many "
                    + "readers find unhelpful goes back to them for review. The answers hold nothing about you and "
                    + "are kept as long as the summary.").nl();
            h.element("p", "A comment may say something about your health, so we store it only encrypted, each "
                    + "comment with a key of its own, and only our editors can read it. It is never published. "
                    + "Deleting its key erases a comment for good. "
                    + "Please leave out names and other details that identify you.").nl();
            h.element("h2", "Email updates").nl();
            h.element("p", "If you subscribe, we keep your email address, encrypted with a key that belongs to you "
                    + "alone, only to send you new summaries. We send the first email only after you confirm with "
                    + "the link we mail you; an address that is not confirmed within 7 days is erased.").nl();
            h.element("p", "Every email has an unsubscribe link, and mail programs can unsubscribe you in one click. "
                    + "Unsubscribing erases your address: we delete your key, so the encrypted copy left in our "
                    + "records can no longer be read by anyone, and the key itself is cleaned out of our records within a day.")
                    .nl();
            h.element("h2", "Server logs").nl();
            h.element("p", "Like any website, our server briefly records requests (such as the page asked for "
                    + "and the time) to keep the site running and secure. To limit abuse, the address a feedback "
                    + "or subscription request comes from is held in memory for a few minutes and never stored.").nl();
            h.open("p").text("Questions about your data: ")
                    .element("a", "contact us", "href", Routes.CONTACT).text(".").close("p").nl();
        });
    }

    String search() {
        Page page = basePage(Routes.SEARCH, "Search", Page.Nav.NONE, "Search all research summaries.");
        page.script(layout.assets().searchJs());
        return layout.render(page, h -> {
            h.element("h1", "Search").nl();
            h.open("form", "id", "search-form", "class", "search-form inline-form", "role", "search",
                    "method", "get", "action", Routes.SEARCH, "data-index", Routes.SEARCH_INDEX).nl();
            h.open("div", "class", "field").nl();
            h.element("label", "Search summaries", "for", "search-q").nl();
            h.empty("input", "type", "search", "id", "search-q", "name", "q", "autocomplete", "off").nl();
            h.close("div").nl();
            h.element("button", "Search", "type", "submit").nl();
            h.close("form").nl();
            h.element("p", "", "id", "search-status", "role", "status").nl();
            h.open("ul", "id", "search-results", "class", "search-results cards").close("ul").nl();
            h.open("noscript").open("p").text("Search needs JavaScript. You can still browse ")
                    .element("a", "all categories", "href", Routes.CATEGORIES).text(" or the ")
                    .element("a", "latest research", "href", Routes.RESEARCH).text(".")
                    .close("p").close("noscript").nl();
        });
    }

    String notFound() {
        Page page = new Page(Routes.NOT_FOUND, "Page not found").noindex().noCanonical();
        return layout.render(page, h -> {
            h.element("h1", "Page not found").nl();
            h.element("p", "Sorry, we couldn't find that page. It may have moved.").nl();
            ListingPages.searchBox(h, "notfound-q");
            nextSteps(h);
        });
    }

    String gone() {
        Page page = new Page(Routes.GONE, "Summary removed").noindex().noCanonical();
        return layout.render(page, h -> {
            h.element("h1", "Summary removed").nl();
            h.element("p", "This summary has been taken down and is no longer available.").nl();
            nextSteps(h);
        });
    }

    private static void nextSteps(Html h) {
        h.open("ul").nl();
        h.open("li").element("a", "Go to the home page", "href", Routes.HOME).close("li").nl();
        h.open("li").element("a", "Browse categories", "href", Routes.CATEGORIES).close("li").nl();
        h.open("li").element("a", "See the latest research", "href", Routes.RESEARCH).close("li").nl();
        h.close("ul").nl();
    }

    private String simple(String path, String title, Page.Nav nav, String description, Consumer<Html> body) {
        Page page = basePage(path, title, nav, description);
        return layout.render(page, h -> {
            h.element("h1", title).nl();
            body.accept(h);
        });
    }

    private static Page basePage(String path, String title, Page.Nav nav, String description) {
        return new Page(path, title).description(description).nav(nav)
                .crumb("Home", Routes.HOME).crumb(title, path);
    }
}
