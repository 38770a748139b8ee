package app.plainpaper.site.pages;

import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;

/**
 * Left at a summary's old address. Servers that read {@code _redirects.map} answer 301 before this is ever served;
 * plain file hosts fall back to the meta refresh, and the canonical link tells search engines where the page lives.
 */
final class RedirectPage {

    private final Layout layout;

    RedirectPage(Layout layout) {
        this.layout = layout;
    }

    String render(PublishedSummary target) {
        String to = Routes.summary(target.slug());
        Page page = new Page(to, "Moved: " + target.title()).noindex();
        page.refreshTo = to;
        return layout.render(page, h -> {
            h.element("h1", "This summary has moved").nl();
            h.open("p").text("It now lives at ").element("a", target.title(), "href", to).text(".").close("p").nl();
        });
    }
}
