package app.plainpaper.site.pages;

import java.util.ArrayList;
import java.util.List;

/** What the layout needs to know about one page besides its main content. */
final class Page {

    /** Top navigation entries; marks the current one with aria-current. */
    enum Nav { NONE, HOME, ABOUT, CATEGORIES, RESEARCH, CONTACT, SUBSCRIBE }

    /** A breadcrumb; the last one is the current page and gets no link. */
    record Crumb(String label, String path) {
    }

    /** One Open Graph / article property. */
    record Property(String property, String content) {
    }

    final String path;
    final String title;
    String description;
    Nav nav = Nav.NONE;
    boolean canonical = true;
    boolean noindex;
    String ogType = "website";
    final List<Property> properties = new ArrayList<>();
    final List<Crumb> crumbs = new ArrayList<>();
    final List<String> scripts = new ArrayList<>();
    String jsonLd;
    String prev;
    String next;
    String refreshTo;

    Page(String path, String title) {
        this.path = path;
        this.title = title;
    }

    Page description(String text) {
        this.description = text;
        return this;
    }

    Page nav(Nav value) {
        this.nav = value;
        return this;
    }

    Page noindex() {
        this.noindex = true;
        return this;
    }

    Page noCanonical() {
        this.canonical = false;
        return this;
    }

    Page crumb(String label, String crumbPath) {
        crumbs.add(new Crumb(label, crumbPath));
        return this;
    }

    Page script(String src) {
        scripts.add(src);
        return this;
    }

    Page pagination(String previous, String following) {
        this.prev = previous;
        this.next = following;
        return this;
    }
}
