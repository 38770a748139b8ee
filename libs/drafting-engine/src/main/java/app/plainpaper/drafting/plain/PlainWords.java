package app.plainpaper.drafting.plain;

import app.plainpaper.drafting.DataFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everyday words for research words (data file {@code plain-words.tsv}). */
public final class PlainWords {

    private record Swap(Pattern pattern, String plain, int length) {
    }

    private final List<Swap> swaps;

    public PlainWords(List<String[]> pairs) {
        List<Swap> list = new ArrayList<>();
        for (String[] p : pairs) {
            list.add(new Swap(Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(p[0]) + "(?![\\p{L}-])",
                    Pattern.CASE_INSENSITIVE), p[1], p[0].length()));
        }
        list.sort(Comparator.comparingInt(Swap::length).reversed());
        this.swaps = List.copyOf(list);
    }

    public static PlainWords builtIn() {
        return new PlainWords(DataFile.rows("plain-words.tsv", 2));
    }

    public String apply(String text) {
        String out = text;
        for (Swap s : swaps) {
            Matcher m = s.pattern().matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String plain = s.plain();
                if (!plain.isEmpty() && Character.isUpperCase(m.group().charAt(0))) {
                    plain = Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
                }
                m.appendReplacement(b, Matcher.quoteReplacement(plain));
            }
            m.appendTail(b);
            out = b.toString();
        }
        // a swapped word may need the other article: "an association" becomes "a link"
        out = out.replaceAll("\\b([Aa])n (?=[bcdfgjklmnpqrstvwxyz])", "$1 ");
        return out.replaceAll(" {2,}", " ").replaceAll("^ ", "");
    }
}
