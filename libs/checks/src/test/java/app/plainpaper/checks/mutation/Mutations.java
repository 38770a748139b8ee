package app.plainpaper.checks.mutation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutation operators for evaluating the checks. Written apart from the detectors, with their own word
 * lists and their own crude sentence splitting, so that the detectors are not graded against themselves.
 * Each operator changes the sentence of the plain text that shares the most words with the technical
 * text (a claim grounded in the source) among those where the operator applies.
 */
public final class Mutations {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+(?:[.!?]+(?=\\s+[A-Z]|\\s*$)|$)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,-])\\d+(?:\\.\\d+)?(?![\\w]|[.,]\\d)");

    private static final Map<String, String> FLIPS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
                {"increased", "decreased"}, {"increases", "decreases"}, {"increase", "decrease"},
                {"increasing", "decreasing"}, {"higher", "lower"}, {"improved", "worsened"}, {"improves", "worsens"},
                {"improve", "worsen"}, {"improvement", "worsening"}, {"reduced", "increased"}, {"reduces", "increases"},
                {"reduce", "increase"}, {"reduction", "increase"}, {"better", "worse"}, {"worse", "better"},
                {"lower", "higher"}, {"fewer", "more"}, {"less", "more"}, {"greater", "smaller"}, {"rise", "fall"},
                {"gain", "lose"}, {"benefit", "harm"}, {"beneficial", "harmful"}, {"shorter", "longer"},
                {"longer", "shorter"}, {"faster", "slower"}, {"more", "fewer"}};
        for (String[] p : pairs) {
            FLIPS.put(p[0], p[1]);
        }
    }

    /** Phrases where a direction word does not describe a result; flipping them would not be an error. */
    private static final Pattern NOT_A_RESULT = Pattern.compile(
            "(?i)^(?:\\s+than\\b|,?\\s+(?:research|studies|trials|evidence|data|information|work|high|well|likely|certain|better)\\b|[- ](?:quality|certainty|designed|limb|back|extremit|term)|\\s+or\\s+less)");

    /**
     * Words that mark a sentence as reporting a result. Flipping a negation or a direction is an error a
     * reader can be hurt by only in such a sentence, so the operators mutate only there.
     */
    private static final Pattern RESULT = Pattern.compile(
            "(?i)\\b(?:improv\\w*|reduc\\w*|increas\\w*|decreas\\w*|lower\\w*|differ\\w*|effect\\w*|benefit\\w*|associated|"
                    + "significant\\w*|risk\\w*|harm\\w*|help\\w*|better|worse|side effects?|adverse|death|mortality|survival|"
                    + "relie\\w*|than|compared|versus)\\b|\\d");

    /** Sentences about research needs, open questions or plans: they state no finding to reverse. */
    private static final Pattern NOT_A_CLAIM = Pattern.compile(
            "(?i)\\b(?:needed|necessary|need to|needs to|future research|further research|more research|whether|exploring|"
                    + "should be|would be|warranted)\\b");

    private static final String[] ADVICE = {
            "You should stop taking your current medication and switch to this treatment.",
            "Take 400 mg of it every day for the best effect.",
            "Ask your doctor to prescribe this drug for you.",
            "Try this treatment at home before seeing a specialist.",
            "Avoid physiotherapy until the pain settles down.",
            "People with spinal cord injury should start this therapy straight away.",
            "Stop taking painkillers once you feel better.",
            "We recommend that you use this treatment every day.",
            "If you have nerve pain, you must take this medicine twice a day.",
            "Don't take your usual tablets while using this treatment.",
    };

    private static final Map<String, String> ANIMALS = new LinkedHashMap<>();

    static {
        String[][] pairs = {{"participants", "rats"}, {"participant", "rat"}, {"patients", "rats"}, {"patient", "rat"},
                {"people", "mice"}, {"persons", "mice"}, {"person", "mouse"}, {"adults", "adult rats"},
                {"men", "male rats"}, {"women", "female rats"}, {"woman", "female rat"}, {"children", "young mice"},
                {"infants", "rat pups"}, {"individuals", "animals"}, {"humans", "rodents"}, {"human", "rodent"},
                {"volunteers", "mice"}, {"subjects", "animals"}, {"babies", "pups"}};
        for (String[] p : pairs) {
            ANIMALS.put(p[0], p[1]);
        }
    }

    private Mutations() {
    }

    public static List<Mutation> all(String plain, String technical, int seed) {
        List<Mutation> out = new ArrayList<>();
        changeNumber(plain, technical).ifPresent(out::add);
        flipDirection(plain, technical).ifPresent(out::add);
        flipNegation(plain, technical).ifPresent(out::add);
        out.add(insertAdvice(plain, technical, seed));
        makeSourceAnimal(plain, technical).ifPresent(out::add);
        return out;
    }

    /**
     * Changes a number that the technical text also states, next to the same word (so about the same
     * thing: "212 participants", "24 weeks", "98.2%"), to a value the technical text does not state.
     */
    public static Optional<Mutation> changeNumber(String plain, String technical) {
        Set<String> technicalNumbers = new HashSet<>();
        Set<String> technicalNeighbours = new HashSet<>();
        Matcher t = NUMBER.matcher(technical);
        while (t.find()) {
            technicalNumbers.add(t.group());
            technicalNeighbours.add(t.group() + " " + nextWord(technical, t.end()));
            technicalNeighbours.add(previousWord(technical, t.start()) + " " + t.group());
        }
        for (int[] s : rankedSentences(plain, technical)) {
            Matcher m = NUMBER.matcher(plain).region(s[0], s[1]);
            while (m.find()) {
                String n = m.group();
                if (!technicalNumbers.contains(n) || n.matches("(19|20)\\d\\d") || n.equals("95")) {
                    continue;
                }
                if (!technicalNeighbours.contains(n + " " + nextWord(plain, m.end()))
                        && !technicalNeighbours.contains(previousWord(plain, m.start()) + " " + n)) {
                    continue;
                }
                for (double factor : new double[] {1.5, 2, 3, 0.5}) {
                    String changed = scale(n, factor);
                    if (!technicalNumbers.contains(changed) && !changed.equals(n)) {
                        String mutated = plain.substring(0, m.start()) + changed + plain.substring(m.end());
                        return Optional.of(new Mutation(Mutation.Type.NUMBER, mutated, technical, m.start(),
                                m.start() + changed.length(), n + " -> " + changed));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String nextWord(String text, int from) {
        Matcher m = Pattern.compile("^\\s*(%|[A-Za-z]+)").matcher(text.substring(from, Math.min(text.length(), from + 30)));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static String previousWord(String text, int to) {
        Matcher m = Pattern.compile("([A-Za-z]+)\\W{0,2}$").matcher(text.substring(Math.max(0, to - 30), to));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static String scale(String n, double factor) {
        int decimals = n.contains(".") ? n.length() - n.indexOf('.') - 1 : 0;
        double v = Double.parseDouble(n) * factor;
        if (decimals == 0) {
            long r = Math.round(v);
            if (r == Long.parseLong(n)) {
                r = r + 1;
            }
            return Long.toString(r);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Reverses one direction word (increased/decreased, higher/lower...). */
    public static Optional<Mutation> flipDirection(String plain, String technical) {
        Pattern word = Pattern.compile("(?i)\\b(" + String.join("|", FLIPS.keySet()) + ")\\b");
        for (int[] s : rankedSentences(plain, technical)) {
            if (NOT_A_CLAIM.matcher(plain.substring(s[0], s[1])).find()) {
                continue;
            }
            Matcher m = word.matcher(plain).region(s[0], s[1]);
            while (m.find()) {
                String after = plain.substring(m.end(), Math.min(plain.length(), m.end() + 20));
                if (NOT_A_RESULT.matcher(after).find()) {
                    continue;
                }
                String rest = plain.substring(s[0], m.start()) + " " + plain.substring(m.end(), s[1]);
                if (!RESULT.matcher(rest).find()) {
                    continue;
                }
                String flipped = matchCase(m.group(), FLIPS.get(m.group().toLowerCase(Locale.ROOT)));
                if (pairedWithOpposite(plain, m.start(), m.end(), flipped)) {
                    continue; // "better or worse" -> "worse or worse": says the same, not a change of meaning
                }
                String mutated = plain.substring(0, m.start()) + flipped + plain.substring(m.end());
                return Optional.of(new Mutation(Mutation.Type.DIRECTION, mutated, technical, m.start(),
                        m.start() + flipped.length(), m.group() + " -> " + flipped));
            }
        }
        return Optional.empty();
    }

    /** Whether the word stands in "X or Y"/"X and Y" with its own opposite, so flipping it only doubles the other. */
    static boolean pairedWithOpposite(String text, int start, int end, String opposite) {
        String o = Pattern.quote(opposite.toLowerCase(Locale.ROOT));
        String before = text.substring(Math.max(0, start - 30), start).toLowerCase(Locale.ROOT);
        String after = text.substring(end, Math.min(text.length(), end + 30)).toLowerCase(Locale.ROOT);
        return before.matches("(?s).*\\b" + o + "\\s+(?:or|and|nor|to)\\s+$")
                || after.matches("(?s)^\\s+(?:or|and|nor|to)\\s+" + o + "\\b.*");
    }

    /** Removes a negation ("did not improve" to "did improve", "no difference" to "a difference") or adds one. */
    public static Optional<Mutation> flipNegation(String plain, String technical) {
        String[][] removals = {
                {"(?i)\\bno (significant|clear|important|statistically significant) difference", "a $1 difference"},
                {"(?i)\\bno difference", "a difference"},
                {"(?i)\\b(did|does|do|was|were|is|are|could|can|may) not\\b", "$1"},
                {"(?i)\\bcannot\\b", "can"},
                {"(?i)\\b(didn't|doesn't|wasn't|weren't|isn't|aren't)\\b", "NEG"},
                {"(?i)\\b(found|showed|was|were|had|with) no\\b", "$1 some"},
                {"(?i)\\bno evidence\\b", "evidence"},
        };
        String[][] insertions = {
                {"(?i)\\b(reduc|improv|increas|decreas|reliev)ed\\b", "did not $1e"},
                {"(?i)\\b(prevent|lower)ed\\b", "did not $1"},
                {"(?i)\\b(was|were) (effective|better|associated|linked|significantly)\\b", "$1 not $2"},
                {"(?i)\\b(may|might|can|could) (reduce|improve|increase|decrease|help|prevent|relieve|lower)\\b", "$1 not $2"},
        };
        for (String[][] operators : new String[][][] {removals, insertions}) {
            for (int[] s : rankedSentences(plain, technical)) {
                if (NOT_A_CLAIM.matcher(plain.substring(s[0], s[1])).find()) {
                    continue;
                }
                for (String[] op : operators) {
                    Matcher m = Pattern.compile(op[0]).matcher(plain).region(s[0], s[1]);
                    if (m.find() && resultNear(plain, m.start(), s[1])) {
                        String replacement = op[1].equals("NEG")
                                ? positive(m.group(1)) : m.group().replaceAll(op[0], op[1]);
                        if (op[1].startsWith("did not") && ATTRIBUTIVE.matcher(plain.substring(Math.max(s[0], m.start() - 12), m.start())).find()) {
                            // "associated with increased side effects": an adjective, negated as "with no increased..."
                            replacement = "no " + m.group();
                        }
                        String mutated = plain.substring(0, m.start()) + replacement + plain.substring(m.end());
                        return Optional.of(new Mutation(Mutation.Type.NEGATION, mutated, technical, m.start(),
                                m.start() + replacement.length(), m.group() + " -> " + replacement));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A participle used as an adjective follows these ("with increased", "were reduced numbers"). */
    private static final Pattern ATTRIBUTIVE = Pattern.compile("(?i)\\b(?:with|of|an?|the|in|by)\\s+$");

    /** Whether a result word follows within eight words (or is the matched word itself). */
    private static boolean resultNear(String text, int from, int sentenceEnd) {
        String[] words = text.substring(from, sentenceEnd).split("\\s+");
        String window = String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, 9)));
        Matcher r = RESULT.matcher(window);
        while (r.find()) {
            if (!r.group().matches("\\d")) {
                return true;
            }
        }
        return false;
    }

    private static String positive(String contraction) {
        return switch (contraction.toLowerCase(Locale.ROOT)) {
            case "didn't" -> "did";
            case "doesn't" -> "does";
            case "wasn't" -> "was";
            case "weren't" -> "were";
            case "isn't" -> "is";
            default -> "are";
        };
    }

    /** Inserts a sentence of advice to the reader after the first sentence. */
    public static Mutation insertAdvice(String plain, String technical, int seed) {
        String advice = ADVICE[Math.floorMod(seed, ADVICE.length)];
        List<int[]> sentences = sentences(plain);
        int at = sentences.isEmpty() ? plain.length() : sentences.get(0)[1];
        String mutated = plain.substring(0, at) + " " + advice + plain.substring(at);
        return new Mutation(Mutation.Type.ADVICE, mutated, technical, at + 1, at + 1 + advice.length(), "+ " + advice);
    }

    /** Turns the source into an animal study while the plain text still speaks of people. */
    public static Optional<Mutation> makeSourceAnimal(String plain, String technical) {
        Pattern word = Pattern.compile("(?i)\\b(" + String.join("|", ANIMALS.keySet()) + ")\\b");
        Matcher m = word.matcher(technical);
        StringBuilder sb = new StringBuilder();
        int count = 0;
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(matchCase(m.group(), ANIMALS.get(m.group().toLowerCase(Locale.ROOT)))));
            count++;
        }
        m.appendTail(sb);
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new Mutation(Mutation.Type.POPULATION, plain, sb.toString(), 0, 0, count + " human words -> animals"));
    }

    private static String matchCase(String original, String replacement) {
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }

    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** Sentences of the plain text, most words shared with the technical text first. */
    static List<int[]> rankedSentences(String plain, String technical) {
        Set<String> technicalWords = words(technical);
        List<int[]> out = sentences(plain);
        Map<int[], Double> score = new java.util.IdentityHashMap<>();
        for (int[] s : out) {
            Set<String> w = words(plain.substring(s[0], s[1]));
            long shared = w.stream().filter(technicalWords::contains).count();
            score.put(s, w.isEmpty() ? 0 : (double) shared / w.size());
        }
        out.sort(Comparator.comparingDouble((int[] s) -> score.get(s)).reversed());
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }
}
