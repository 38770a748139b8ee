package app.plainpaper.formats.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation and plain-text extraction over parsed elements, by local name (namespaces ignored). */
public final class Dom {

    /** Elements whose content is a block of its own in plain text (JATS and PubMed markup). */
    private static final Set<String> BLOCKS = Set.of("p", "list-item", "title", "def-item", "disp-quote",
            "AbstractText", "sec", "list", "def-list");

    /** Any run of whitespace, including Unicode spaces (hair, thin, no-break) publishers use, becomes one space. */
    public static final String SPACES = "[\\s\\p{Z}]+";

    private Dom() {
    }

    public static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name(e).equals(name)) out.add(e);
        }
        return out;
    }

    public static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Follows a path of child names; null when any step is missing. */
    public static Element path(Element from, String... names) {
        Element current = from;
        for (String n : names) {
            current = child(current, n);
            if (current == null) return null;
        }
        return current;
    }

    /** All descendants with the given name, in document order. */
    public static List<Element> descendants(Element root, String name) {
        List<Element> out = new ArrayList<>();
        if (root == null) return out;
        collect(root, name, out);
        return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (name(c).equals(name)) out.add(c);
                collect(c, name, out);
            }
        }
    }

    public static String attr(Element e, String localName) {
        if (e == null) return null;
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (name(a).equals(localName)) return a.getNodeValue();
        }
        return null;
    }

    /** Inline text: markup dropped, whitespace collapsed; null when empty. */
    public static String text(Element e) {
        if (e == null) return null;
        String t = e.getTextContent().replaceAll(SPACES, " ").strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Plain text keeping structure: paragraphs separated by a blank line, list items on their own
     * line starting "- ", inline markup (italics, sub/sup, links) flattened into the sentence.
     * Elements named in {@code skip} are left out (e.g. a section title already used as a label).
     */
    public static String blockText(Element e, Set<String> skip) {
        if (e == null) return null;
        List<String> blocks = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        walk(e, skip, blocks, inline, true);
        flush(blocks, inline);
        String t = String.join("\n\n", blocks).strip();
        return t.isEmpty() ? null : t;
    }

    private static void walk(Node node, Set<String> skip, List<String> blocks, StringBuilder inline, boolean root) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                inline.append(n.getNodeValue());
            } else if (n instanceof Element c) {
                String name = name(c);
                if (skip.contains(name)) continue;
                if (BLOCKS.contains(name)) {
                    flush(blocks, inline);
                    if (name.equals("list-item") && !isBullet(inline)) inline.append("- ");
                    walk(c, skip, blocks, inline, false);
                    flush(blocks, inline);
                } else {
                    walk(c, skip, blocks, inline, false);
                }
            }
        }
    }

    private static void flush(List<String> blocks, StringBuilder inline) {
        if (isBullet(inline)) return; // keep a list item's bullet for the paragraph inside it
        String t = inline.toString().replaceAll(SPACES, " ").strip();
        if (!t.isEmpty()) blocks.add(t);
        inline.setLength(0);
    }

    private static boolean isBullet(StringBuilder inline) {
        return inline.toString().strip().equals("-");
    }
}
