package app.plainpaper.drafting.extraction;

import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who took part from an abstract: counted groups ("30 cancer patients with bone metastasis and 30 healthy
 * individuals"), "(n=82)" notes, single cases ("a 29-year-old female") and, for animal studies, the species.
 * Returns empty when the abstract does not say: it never guesses.
 */
public final class ParticipantsExtractor {

    static final String POPULATION = "patients|participants|individuals|subjects|people|persons|adults|children|"
            + "infants|adolescents|women|men|males|females|volunteers|veterans|athletes|cases|controls|survivors|"
            + "users|respondents|students|nurses|clinicians|physicians|caregivers|families|informants|"
            + "rats|mice|cats|dogs|pigs|minipigs|monkeys|primates|animals|rabbits|sheep|goats|ruminants|"
            + "fractures|procedures|operations|eyes|limbs|interviews|patient|participant|"
            + "individual|subject|person|adult|child|woman|man|case|rat|mouse|cat|dog|pig|monkey|animal";
    private static final String MODIFIER = "(?:(?!(?:of|in|and|or|the|a|an|were|was|with|to|from|at|by|for|on|per|"
            + "than|had|have|vs|versus|years?|months?|weeks?|days?|hours?|who|which|that|these|those|this|each|all|"
            + "mg|kg|ml|times|%)\\b)[A-Za-z][A-Za-z'’-]*\\s+)";
    private static final Pattern GROUP = Pattern.compile("\\b(" + NumberWords.COUNT + ")\\s+(" + MODIFIER + "{0,5})("
            + POPULATION + ")\\b", Pattern.CASE_INSENSITIVE);
    /** Counts of studies: in a review these are the units pooled, not the people who took part. */
    private static final Pattern STUDY_GROUP = Pattern.compile("\\b(" + NumberWords.COUNT + ")\\s+(" + MODIFIER
            + "{0,4})(studies|trials|RCTs)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern N_NOTE = Pattern.compile(
            "((?:[A-Za-z][A-Za-z-]*\\s+){0,4}?)([A-Za-z][A-Za-z-]*)\\s*\\(\\s*n\\s*=\\s*(\\d[\\d,]*)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER = Pattern.compile(
            "^\\s+((?:with|aged|undergoing|treated with|from|having|receiving|enrolled in|of|without|who had)\\b"
                    + "[^,;:()\\[\\]]*?)(?=\\s+(?:and\\s+" + NumberWords.COUNT + "\\b|were|was|who|had|underwent|in whom|"
                    + "which|that|divided|presented|during|in a|to|secondary|because|due|resulting|requiring|enrolled)\\b|[,;:()\\[\\].]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_GROUP = Pattern.compile("^(,?\\s+and\\s+|,\\s+)(?=" + NumberWords.COUNT + "\\s)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE = Pattern.compile(
            "^[^;.()]*?,?\\s*((?:of which|comprising|including)\\s+[^;.()]*?)(?=[;.(]|\\s+(?:were|was)\\s+(?:included|analy[sz]ed|enrolled|identified)\\b|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHETICAL = Pattern.compile("^\\s*(?:sampled|studied|included|enrolled)?\\s*\\(([^()]*)\\)");
    private static final Pattern SINGLE_CASE = Pattern.compile("\\b(?:(?:a|an|one|the case of)\\s+)?(" + NumberWords.AGE
            + ")\\s+(man|woman|male|female|boy|girl|child|infant|patient|adolescent|teenager|baby|neonate)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANIMAL = Pattern.compile("\\b((?:(?:adult|young|aged|old|female|male|"
            + "completely spinali[sz]ed|spinali[sz]ed|spinal-transected|transected|injured|uninjured|"
            + "transgenic|knockout|wild-type)\\s+){0,2})(rats?|mice|mouse|cats?|dogs?|pigs?|minipigs?|monkeys?|"
            + "primates?|rodents?|rabbits?|zebrafish)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERATURE = Pattern.compile(
            "\\b(literature|published|have been reported|previously reported|were found in the)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGLING = Pattern.compile("\\s+(?:from|in|of|with|across|among|at|and)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_COUNTED_AFTER = Set.of("year", "years", "month", "months");

    public Optional<Participants> extract(PaperText paper) {
        List<AbstractSentence> ordered = paper.byRolePriority(SentenceRole.DESIGN, SentenceRole.METHODS,
                SentenceRole.RESULTS, SentenceRole.OBJECTIVE, SentenceRole.CONCLUSIONS);
        Optional<Participants> pooled = pooled(paper.sentences());
        if (pooled.isPresent()) {
            return pooled;
        }
        for (AbstractSentence s : ordered) {
            if (LITERATURE.matcher(s.text()).find()) {
                continue;
            }
            Optional<Participants> found = counted(s.text(), s.index());
            if (found.isPresent()) {
                return found;
            }
        }
        for (AbstractSentence s : ordered) {
            Optional<Participants> found = singleCase(s.text(), s.index());
            if (found.isPresent()) {
                return found;
            }
        }
        if (paper.withRole(SentenceRole.DESIGN, SentenceRole.METHODS, SentenceRole.RESULTS).isEmpty()) {
            // an abstract of background only: its sentences are all there is to read
            for (AbstractSentence s : paper.withRole(SentenceRole.BACKGROUND)) {
                Optional<Participants> found = LITERATURE.matcher(s.text()).find() ? Optional.empty()
                        : counted(s.text(), s.index()).or(() -> singleCase(s.text(), s.index()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        Optional<Participants> fromTitle = singleCase(paper.title(), -1);
        if (fromTitle.isPresent()) {
            return fromTitle;
        }
        Optional<Participants> animals = animals(paper.title(), -1);
        for (int i = 0; animals.isEmpty() && i < ordered.size(); i++) {
            animals = animals(ordered.get(i).text(), ordered.get(i).index());
        }
        return animals;
    }

    /**
     * A review's participants: the people its included studies pooled ("We included 12 trials with 1,234
     * participants", "Ninety-six studies (... comprising 1,331 adults with SCI)"). The first sentence that counts
     * studies names the review's studies; the people come from that sentence ("12 trials with 1,234 participants")
     * or else from the first later sentence that counts both ("1,331 adults with SCI in ninety-six of 120 studies"). Studies without a count of people give nothing: a number of studies is not who took part.
     */
    Optional<Participants> pooled(List<AbstractSentence> sentences) {
        String firstStudies = null;
        for (AbstractSentence s : sentences) {
            Matcher st = STUDY_GROUP.matcher(s.text());
            // background sentences cite other studies; the review's own counts are in its methods and results
            if (s.role() == SentenceRole.BACKGROUND && sentences.size() > 2 || !st.find()) {
                continue;
            }
            String studies = st.group().strip().replaceAll("\\s+", " ");
            Optional<Participants> people = counted(s.text().substring(st.end()), s.index());
            if (people.isEmpty()) {
                // "4311 patients from five studies": the people end where the studies begin, so drop the joining word
                people = counted(s.text().substring(0, st.start()), s.index())
                        .map(p -> new Participants(DANGLING.matcher(p.text()).replaceFirst(""), p.countStated(),
                                p.largestCount(), p.sourceIndex()));
            }
            if (firstStudies == null) {
                firstStudies = studies;
                if (people.isPresent()) {
                    String text = capitalise(studies) + " with " + lowerFirst(people.get().text());
                    return Optional.of(new Participants(text, true, people.get().largestCount(), s.index()));
                }
            } else if (people.isPresent()) {
                // a later count of studies in a review's results is a part of the studies it included
                String text = capitalise(people.get().text()) + " in " + lowerFirst(st.group(1)) + " of "
                        + firstStudies;
                return Optional.of(new Participants(text, true, people.get().largestCount(), s.index()));
            }
        }
        return Optional.empty();
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** Counted groups in one sentence, e.g. "386 pancreatic cancer cases and 896 matched controls from ...". */
    Optional<Participants> counted(String text, int index) {
        Matcher g = GROUP.matcher(text);
        Matcher n = N_NOTE.matcher(text);
        int groupAt = g.find() ? g.start() : Integer.MAX_VALUE;
        int noteAt = n.find() ? n.start() : Integer.MAX_VALUE;
        if (noteAt < groupAt) {
            return note(n, index);
        }
        if (groupAt == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        StringBuilder phrase = new StringBuilder();
        int end = appendGroup(text, g, phrase);
        while (true) {
            Matcher join = NEXT_GROUP.matcher(text.substring(end));
            if (!join.find()) {
                break;
            }
            Matcher next = GROUP.matcher(text);
            int from = end + join.end();
            if (!next.find(from) || next.start() != from) {
                break;
            }
            phrase.append(join.group(1).contains("and") ? (join.group(1).startsWith(",") ? ", and " : " and ") : ", ");
            end = appendGroup(text, next, phrase);
        }
        Matcher clause = CLAUSE.matcher(text.substring(end));
        if (clause.find() && clause.group(1).matches("(?is).*\\d.*")) {
            phrase.append(" (").append(clause.group(1).strip()).append(')');
        } else {
            Matcher paren = PARENTHETICAL.matcher(text.substring(end));
            if (paren.find() && GROUP.matcher(paren.group(1)).lookingAt()) {
                phrase.append(" (").append(paren.group(1).strip()).append(')');
            }
        }
        String result = capitalise(phrase.toString().strip());
        return Optional.of(new Participants(result, true, largestCount(result), index));
    }

    private static int appendGroup(String text, Matcher g, StringBuilder phrase) {
        phrase.append(text, g.start(), g.end());
        int end = g.end();
        Matcher q = QUALIFIER.matcher(text.substring(end));
        if (q.find()) {
            String qualifier = q.group(1).strip();
            String[] words = qualifier.split("\\s+");
            if (words.length > 10) {
                qualifier = String.join(" ", java.util.Arrays.copyOf(words, 10));
            }
            qualifier = qualifier.replaceAll("(\\s+(?:the|a|an|of|in|and|or|to|with|at|by|for))+$", "");
            phrase.append(' ').append(qualifier);
            end = end + q.start(1) + qualifier.length();
        }
        return end;
    }

    private Optional<Participants> note(Matcher n, int index) {
        String[] words = (n.group(1) + n.group(2)).strip().split("\\s+");
        int first = words.length - 1;
        // walk back over the noun phrase, stopping at verbs and function words
        while (first > 0 && isNounPhraseWord(words[first - 1])) {
            first--;
        }
        String noun = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
        if (NOT_COUNTED_AFTER.contains(noun.toLowerCase(Locale.ROOT)) || noun.equalsIgnoreCase("data")) {
            return Optional.empty();
        }
        String result = n.group(3) + " " + noun;
        return Optional.of(new Participants(result, true, largestCount(result), index));
    }

    private static boolean isNounPhraseWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return !l.endsWith("ed") && !l.matches("from|of|in|and|or|the|a|an|with|to|at|by|for|on|were|was|is|are|"
                + "using|including|conducted|collected|among|between");
    }

    Optional<Participants> singleCase(String text, int index) {
        Matcher m = SINGLE_CASE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String phrase = m.group().replaceFirst("(?i)^the case of\\s+", "");
        if (!phrase.matches("(?i)^(a|an|one)\\s.*")) {
            phrase = (phrase.matches("(?i)^[aeiou8].*|^(11|18)\\D.*") ? "An " : "A ") + phrase;
        }
        StringBuilder b = new StringBuilder(phrase);
        Matcher q = QUALIFIER.matcher(text.substring(m.end()));
        if (q.find() && q.group(1).toLowerCase(Locale.ROOT).startsWith("with")) {
            String[] words = q.group(1).strip().split("\\s+");
            b.append(' ').append(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 8))));
        }
        return Optional.of(new Participants(capitalise(b.toString()), true, 1.0, index));
    }

    Optional<Participants> animals(String text, int index) {
        Matcher m = ANIMAL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String species = (m.group(1) + m.group(2)).strip();
        return Optional.of(new Participants(capitalise(species) + " (the abstract does not give the number)",
                false, null, index));
    }

    private static Double largestCount(String phrase) {
        Double largest = null;
        for (NumberMention mention : Numbers.find(phrase)) {
            if (mention.kind() == NumberMention.Kind.COUNT || mention.kind() == NumberMention.Kind.OTHER) {
                if (largest == null || mention.value() > largest) {
                    largest = mention.value();
                }
            }
        }
        return largest;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
