package app.plainpaper.site.markup;

import java.util.regex.Pattern;

/**
 * A small HTML writer. Text and attribute values always go through {@link Markup#escape}; tag and attribute names
 * are code constants and are checked, so data can't inject markup. {@link #raw} is only for constant markup.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(:[a-z]+)?");
    private final StringBuilder out = new StringBuilder(16_384);

    /** Opens {@code tag} with attributes given as name/value pairs; a null value leaves the attribute out. */
    public Html open(String tag, String... attributes) {
        checkName(tag);
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        checkName(tag);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A void element such as meta, link, input. */
    public Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    /** {@code <tag attrs>text</tag>}. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html text(String text) {
        Markup.escapeInto(text == null ? "" : text, out);
        return this;
    }

    /** Constant, trusted markup only (never data). */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    public Html nl() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            checkName(name);
            if (value == null) {
                continue;
            }
            out.append(' ').append(name).append("=\"");
            Markup.escapeInto(value, out);
            out.append('"');
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
    }
}
