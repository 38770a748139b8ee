package app.plainpaper.site.pages;

import app.plainpaper.site.markup.Html;

/** Pieces shared by the site's forms. */
final class Forms {

    /** Field name the API treats as a bot trap: a person never sees it, so any value means spam. */
    static final String HONEYPOT = "website";

    private Forms() {
    }

    static void honeypot(Html h, String id) {
        h.open("div", "class", "hp", "aria-hidden", "true").nl();
        h.element("label", "Leave this field empty", "for", id).nl();
        h.empty("input", "type", "text", "id", id, "name", HONEYPOT, "tabindex", "-1", "autocomplete", "off").nl();
        h.close("div").nl();
    }
}
