package app.plainpaper.site.markup;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON from maps (in their iteration order; use LinkedHashMap/TreeMap), lists, strings, numbers, booleans and
 * null. Safe to embed in an HTML {@code <script>} element: {@code </} is written as {@code <\/} and {@code <!} as
 * {@code \u003c!}, so the text can neither close the element nor open a comment.
 */
public final class Json {

    private Json() {
    }

    public static String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, pretty, 0);
        if (pretty) {
            out.append('\n');
        }
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, boolean pretty, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                indent(out, pretty, depth + 1);
                string(String.valueOf(e.getKey()), out);
                out.append(pretty ? ": " : ":");
                write(e.getValue(), out, pretty, depth + 1);
            }
            if (!map.isEmpty()) {
                indent(out, pretty, depth);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                indent(out, pretty, depth + 1);
                write(list.get(i), out, pretty, depth + 1);
            }
            if (!list.isEmpty()) {
                indent(out, pretty, depth);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void indent(StringBuilder out, boolean pretty, int depth) {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(depth));
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '/' -> out.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
                case '<' -> out.append(i + 1 < s.length() && s.charAt(i + 1) == '!' ? "\\u003c" : "<");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
