package app.plainpaper.site.pages;

import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Html;

import java.util.List;
import java.util.function.Consumer;

/** The frame shared by every page: head, skip link, header, breadcrumbs, footer. */
final class Layout {

    private record NavLink(Page.Nav nav, String label, String path) {
    }

    private static final List<NavLink> MAIN_NAV = List.of(
            new NavLink(Page.Nav.ABOUT, "About", Routes.ABOUT),
            new NavLink(Page.Nav.CATEGORIES, "Categories", Routes.CATEGORIES),
            new NavLink(Page.Nav.RESEARCH, "Latest Research", Routes.RESEARCH),
            new NavLink(Page.Nav.CONTACT, "Contact", Routes.CONTACT),
            new NavLink(Page.Nav.SUBSCRIBE, "Subscribe", Routes.SUBSCRIBE));

    private final SiteSettings settings;
    private final Assets assets;
    private final int copyrightYear;

    Layout(SiteSettings settings, Assets assets, int copyrightYear) {
        this.settings = settings;
        this.assets = assets;
        this.copyrightYear = copyrightYear;
    }

    SiteSettings settings() {
        return settings;
    }

    Assets assets() {
        return assets;
    }

    String render(Page page, Consumer<Html> main) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>").nl();
        h.open("html", "lang", "en").nl();
        head(h, page);
        h.open("body").nl();
        h.element("a", "Skip to main content", "class", "skip-link", "href", "#main").nl();
        header(h, page);
        h.open("main", "id", "main", "tabindex", "-1").open("div", "class", "wrap").nl();
        breadcrumbs(h, page);
        main.accept(h);
        h.close("div").close("main").nl();
        footer(h);
        h.close("body").nl();
        h.close("html").nl();
        return h.toString();
    }

    private void head(Html h, Page page) {
        String fullTitle = page.nav == Page.Nav.HOME ? settings.siteName() + ": " + settings.tagline()
                : page.title + " | " + settings.siteName();
        h.open("head").nl();
        h.empty("meta", "charset", "utf-8").nl();
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
        h.element("title", fullTitle).nl();
        if (page.description != null && !page.description.isBlank()) {
            h.empty("meta", "name", "description", "content", page.description).nl();
        }
        if (page.refreshTo != null) {
            h.empty("meta", "http-equiv", "refresh", "content", "0; url=" + page.refreshTo).nl();
        }
        if (page.noindex) {
            h.empty("meta", "name", "robots", "content", "noindex").nl();
        }
        if (page.canonical) {
            h.empty("link", "rel", "canonical", "href", settings.absolute(page.path)).nl();
        }
        if (page.prev != null) {
            h.empty("link", "rel", "prev", "href", page.prev).nl();
        }
        if (page.next != null) {
            h.empty("link", "rel", "next", "href", page.next).nl();
        }
        h.empty("link", "rel", "stylesheet", "href", assets.siteCss()).nl();
        h.empty("link", "rel", "stylesheet", "href", assets.printCss(), "media", "print").nl();
        h.empty("link", "rel", "alternate", "type", "application/atom+xml",
                "title", settings.siteName() + ": new summaries", "href", Routes.FEED).nl();
        if (page.canonical) {
            openGraph(h, page, fullTitle);
        }
        if (page.jsonLd != null) {
            // Json.write has already made "</" safe inside a script element.
            h.open("script", "type", "application/ld+json").nl().raw(page.jsonLd).close("script").nl();
        }
        for (String src : page.scripts) {
            h.open("script", "src", src, "defer", "defer").close("script").nl();
        }
        h.close("head").nl();
    }

    private void openGraph(Html h, Page page, String fullTitle) {
        meta(h, "og:type", page.ogType);
        meta(h, "og:site_name", settings.siteName());
        meta(h, "og:locale", "en_US");
        meta(h, "og:title", page.nav == Page.Nav.HOME ? fullTitle : page.title);
        if (page.description != null && !page.description.isBlank()) {
            meta(h, "og:description", page.description);
        }
        meta(h, "og:url", settings.absolute(page.path));
        for (Page.Property p : page.properties) {
            meta(h, p.property(), p.content());
        }
        h.empty("meta", "name", "twitter:card", "content", "summary").nl();
    }

    private static void meta(Html h, String property, String content) {
        h.empty("meta", "property", property, "content", content).nl();
    }

    private void header(Html h, Page page) {
        h.open("header", "class", "site-header").open("div", "class", "wrap").nl();
        h.element("a", settings.siteName(), "class", "brand", "href", Routes.HOME).nl();
        h.open("nav", "class", "site-nav", "aria-label", "Main").open("ul").nl();
        for (NavLink link : MAIN_NAV) {
            h.open("li").element("a", link.label(),
                    "href", link.path(),
                    "class", link.nav() == Page.Nav.SUBSCRIBE ? "nav-subscribe" : null,
                    "aria-current", link.nav() == page.nav ? "page" : null).close("li").nl();
        }
        h.close("ul").close("nav").nl();
        h.close("div").close("header").nl();
    }

    private static void breadcrumbs(Html h, Page page) {
        if (page.crumbs.isEmpty()) {
            return;
        }
        h.open("nav", "class", "breadcrumbs", "aria-label", "Breadcrumb").open("ol").nl();
        for (int i = 0; i < page.crumbs.size(); i++) {
            Page.Crumb crumb = page.crumbs.get(i);
            h.open("li");
            if (i == page.crumbs.size() - 1) {
                h.element("span", crumb.label(), "aria-current", "page");
            } else {
                h.element("a", crumb.label(), "href", crumb.path());
            }
            h.close("li").nl();
        }
        h.close("ol").close("nav").nl();
    }

    private void footer(Html h) {
        h.open("footer", "class", "site-footer").open("div", "class", "wrap").nl();
        h.open("div", "class", "footer-columns").nl();
        h.open("div").nl();
        h.element("p", settings.siteName(), "class", "footer-brand").nl();
        h.element("p", settings.tagline() + " " + settings.description()).nl();
        h.close("div").nl();
        h.open("nav", "aria-label", "Quick links").nl();
        h.element("h2", "Quick Links").nl();
        h.open("ul").nl();
        footerLink(h, "Home", Routes.HOME);
        footerLink(h, "About", Routes.ABOUT);
        footerLink(h, "Categories", Routes.CATEGORIES);
        footerLink(h, "Latest Research", Routes.RESEARCH);
        footerLink(h, "Disclaimer", Routes.DISCLAIMER);
        footerLink(h, "Privacy", Routes.PRIVACY);
        h.close("ul").nl().close("nav").nl();
        h.open("div").nl();
        h.element("h2", "Contact").nl();
        h.open("ul").nl();
        footerLink(h, "Contact Us", Routes.CONTACT);
        footerLink(h, "Subscribe", Routes.SUBSCRIBE);
        footerLink(h, "Atom feed", Routes.FEED);
        h.close("ul").nl().close("div").nl();
        h.close("div").nl();
        h.element("p", "\u00a9 " + copyrightYear + " " + settings.siteName() + ". All rights reserved.").nl();
        h.close("div").close("footer").nl();
    }

    private static void footerLink(Html h, String label, String path) {
        h.open("li").element("a", label, "href", path).close("li").nl();
    }

    /** Splits text on blank lines into paragraphs. */
    static void paragraphs(Html h, String text) {
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                h.element("p", paragraph.strip()).nl();
            }
        }
    }
}
