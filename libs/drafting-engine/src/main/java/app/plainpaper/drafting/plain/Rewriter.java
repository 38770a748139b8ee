package app.plainpaper.drafting.plain;

import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.text.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites source sentences for readers. {@link #tidy} keeps the authors' words but drops brackets, statistics and
 * linking words; {@link #plain} also spells out abbreviations, swaps research words for everyday ones, speaks of
 * "the researchers" instead of "we" and splits long sentences. Neither ever adds a number.
 */
public final class Rewriter {

    private static final Pattern BRACKETS = Pattern.compile("\\s*\\([^()]*\\)|\\s*\\[[^\\[\\]]*]");
    private static final Pattern P_VALUE = Pattern.compile(
            "[,;]?\\s*\\b[pP]\\s*(?:trend)?\\s*[<=>≤≥]\\s*0?\\.\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONNECTIVE = Pattern.compile("^(?:Moreover|Furthermore|In addition|Additionally|"
            + "Finally|Thus|Here|Overall|Lastly|Further|However|Instead|Also|Therefore|Hence|In conclusion|"
            + "In summary|Consequently|Nevertheless|In contrast to other countries|Importantly|Interestingly|Currently|"
            + "Recently|Geographically|Subjectively),\\s+");
    private static final Pattern CUT = Pattern.compile(",\\s+(?:including|such as|which|with the exception of|"
            + "as well as|resulting in|suggesting|indicating|demonstrating|whereby|albeit)\\b");
    private static final int LONG = 20;

    private final PlainWords plainWords;

    public Rewriter(PlainWords plainWords) {
        this.plainWords = plainWords;
    }

    /** The sentence without brackets, P values, an inline heading or a leading linking word. */
    public String tidy(String sentence) {
        String s = PaperText.withoutInlineLabel(sentence.strip());
        String previous;
        do {
            previous = s;
            s = BRACKETS.matcher(s).replaceAll("");
        } while (!s.equals(previous));
        s = P_VALUE.matcher(s).replaceAll("");
        s = CONNECTIVE.matcher(s).replaceFirst("");
        s = s.replaceAll("\\s+([,.;:])", "$1").replaceAll(",\\s*([.;])", "$1").replaceAll("\\s{2,}", " ")
                .replaceAll("^[,;:\\s]+", "").strip();
        return finish(s);
    }

    private static final Pattern FINITE_VERB = Pattern.compile("\\b(was|were|is|are|has|have|had|used|measured|"
            + "collected|analy[sz]ed|recruited|included|received|underwent|assessed|compared|followed|treated|"
            + "reviewed|conducted|performed|examined|searched|calculated|created|obtained|showed|found)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ANY_VERB = Pattern.compile("\\b(is|are|was|were|has|have|had|can|could|may|might|"
            + "will|would|did|does|do|shows?|showed|shares?|supports?|provides?|predicts?|suggests?|indicates?|"
            + "remains?|recover|recovers|correlates?|occurs?|affects?|helps?|highlights?|allows?|yields?|"
            + "appears?|reveals?|reverses?|circulates?|responds?|diminishes?|\\w+ed)\\b", Pattern.CASE_INSENSITIVE);

    /** Whether the text has something that works as a verb, so that a cut-down clause still says something. */
    public static boolean hasVerb(String text) {
        return ANY_VERB.matcher(text).find();
    }

    /** Whether the text reads as a sentence rather than a heading-like fragment ("Retrospective analysis."). */
    public static boolean isSentence(String text) {
        return Words.count(text) >= 6 && FINITE_VERB.matcher(text).find();
    }

    /** "we" and "our" as "the researchers" and "their", for text that reports the authors' work. */
    public static String thirdPerson(String text) {
        return text.replaceAll("\\bWe\\b", "The researchers").replaceAll("\\bwe\\b", "the researchers")
                .replaceAll("\\bOur\\b", "Their").replaceAll("\\bour\\b", "their").replaceAll("\\bus\\b", "them");
    }

    /** Tidied, with abbreviations spelled out, everyday words and the authors in the third person. */
    public String readable(String sentence, Acronyms acronyms) {
        return finish(thirdPerson(plainWords.apply(acronyms.spellOut(tidy(sentence)))));
    }

    /** The sentence in plain words, as one or more short sentences. */
    public List<String> plain(String sentence, Acronyms acronyms) {
        String s = tidy(sentence);
        s = acronyms.spellOut(s);
        s = plainWords.apply(s);
        s = thirdPerson(s);
        List<String> out = new ArrayList<>();
        for (String part : s.split(";\\s+|,\\s+(?=but\\b|while\\b|whereas\\b)|\\s+[–—]\\s+")) {
            part = part.strip().replaceAll("^(?:but|while|whereas)\\s+", "But ");
            if (Words.count(part) > LONG) {
                var m = CUT.matcher(part);
                while (m.find()) {
                    if (Words.count(part.substring(0, m.start())) >= 6) {
                        part = part.substring(0, m.start());
                        break;
                    }
                }
            }
            if (Words.count(part) >= 3) {
                out.add(finish(part));
            }
        }
        return out;
    }

    /** Capitalised, with a full stop. */
    public static String finishSentence(String s) {
        return finish(s);
    }

    static String finish(String s) {
        String t = s.strip().replaceAll("[,;:\\s]+$", "");
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.matches("(?s).*[.!?]$") ? t : t + ".";
    }

    /** "The cats recovered." becomes "the cats recovered" for use inside another sentence; abbreviations keep case. */
    public static String asClause(String sentence) {
        String s = sentence.strip().replaceAll("[.!?]+$", "");
        String first = s.split("\\s+", 2)[0];
        boolean name = first.matches(".*['’]s") || first.matches(".*\\d.*") || s.matches("^[A-Z][a-z]+ [A-Z].*");
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1)) && !name) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
