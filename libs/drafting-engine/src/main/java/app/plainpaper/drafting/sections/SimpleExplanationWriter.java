package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.extraction.Aim;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.glossary.Glossary;
import app.plainpaper.drafting.glossary.TermUse;
import app.plainpaper.drafting.plain.Acronyms;
import app.plainpaper.drafting.plain.NearCopy;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.Readability;
import app.plainpaper.text.Syllables;
import app.plainpaper.text.Token;
import app.plainpaper.text.Words;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Simple Explanation: what kind of study, its aim, who took part, what was done and the main result,
 * in short sentences, with each glossary term explained the first time it is used. Sentences that are optional
 * are dropped, hardest first, until the section reads at grade {@link #TARGET_GRADE} or below; at most a quarter
 * of the sentences may repeat a source sentence nearly word for word.
 */
public final class SimpleExplanationWriter {

    public static final double TARGET_GRADE = 8.0;
    public static final double MAX_COPY_SHARE = 0.25;

    /** Long words common enough not to need explaining. */
    private static final Set<String> EVERYDAY = Set.copyOf(List.of("information", "especially", "particularly", "individual",
            "individuals", "university", "activity", "activities", "ability", "abilities", "community",
            "communities", "available", "usually", "experience", "experiences", "variety", "relationship",
            "relationships", "medication", "medications", "majority", "possibility", "intervention",
            "interventions", "population", "populations", "everybody", "unfortunately", "comparison",
            "comparisons", "additional", "appropriate", "originally", "category", "categories", "international",
            "environment", "american", "european", "australia", "indicating", "immediately", "considerable",
            "identification", "operation", "operations", "organisation", "organization", "organizational",
            "generally", "completely", "laboratory", "physical", "evaluation", "education", "independence",
            "independent", "independently", "investigation", "difficulty", "difficulties", "conversations",
            "documentation", "situation", "necessary", "previous", "association", "associated", "participants",
            "participated", "development", "developing", "variables", "material", "materials", "accuracy",
            "interactive", "interactively", "radiation", "considered", "effectively", "characteristics",
            "characterized", "characterised", "understanding", "combination", "combinations", "reliably",
            "relatively", "eventually", "successfully", "significantly", "unusual", "uncommon",
            "emergency", "recovery", "ultimately", "society", "variation", "anybody", "everyday", "approximately"));

    private static final java.util.regex.Pattern PEOPLE = java.util.regex.Pattern.compile("\\b(patients|participants|"
            + "individuals|subjects|people|persons|adults|children|infants|adolescents|women|men|males|females|"
            + "volunteers|veterans|athletes|cases|controls|survivors|users|respondents|students|nurses|clinicians|"
            + "physicians|caregivers|families|informants)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A sentence of the section; {@code prefix + clause} lines can be cut shorter when the section reads too hard. */
    private record Line(String text, boolean optional, boolean fromSource, String prefix, String clause,
                        boolean needVerb) {
        Line(String text, boolean optional, boolean fromSource) {
            this(text, optional, fromSource, null, null, false);
        }

        static Line framed(String prefix, String clause, int maxWords, boolean needVerb, boolean optional) {
            return new Line(prefix + Rewriter.asClause(trim(clause, maxWords, needVerb)) + ".", optional, true,
                    prefix, clause, needVerb);
        }

        Line shortened(int maxWords) {
            if (clause == null) {
                return this;
            }
            Line shorter = framed(prefix, clause, maxWords, needVerb, optional);
            return shorter.text().length() < text.length() ? shorter : this;
        }
    }

    private final Glossary glossary;
    private final Rewriter rewriter;

    public SimpleExplanationWriter(Glossary glossary, Rewriter rewriter) {
        this.glossary = glossary;
        this.rewriter = rewriter;
    }

    public Explanation write(PaperText paper, StudyDesign design, Optional<Aim> aim,
                             Optional<Participants> participants, List<KeyFindingText> findings) {
        Acronyms acronyms = Acronyms.definedIn(paper.abstractText());
        List<String> sources = new ArrayList<>();
        paper.sentences().forEach(s -> sources.add(s.text()));
        sources.add(paper.title());
        List<Line> lines = new ArrayList<>();
        Set<Integer> used = new HashSet<>();

        if (design != StudyDesign.UNKNOWN) {
            String name = shortName(design);
            lines.add(new Line("This is " + article(name) + " " + name + ".", false, false));
        }
        lines.add(aimLine(paper, design, aim, acronyms, used));
        lines.add(new Line(acronyms.spellOut(whoTookPart(design, participants)), false, false));
        lines.add(new Line(whatWasDone(design, paper, participants), false, false));
        // "Doctors describe this patient" or "The work was done in the lab" name no method: for these designs the
        // method sentence is what says what was done, so it stays.
        boolean genericMethod = switch (design) {
            case CASE_REPORT, CASE_SERIES, ANIMAL_OR_LAB, NARRATIVE_REVIEW -> true;
            default -> false;
        };
        String methods = String.join(" ", paper.withRole(SentenceRole.DESIGN, SentenceRole.METHODS).stream()
                .map(AbstractSentence::text).toList());
        boolean methodNamed = sharedContentWords(String.join(" ", lines.stream().map(Line::text).toList()), methods) >= 2;
        methodDetail(paper, genericMethod ? Optional.empty() : participants, acronyms, genericMethod)
                .map(l -> genericMethod && !methodNamed ? new Line(l.text(), false, true) : l)
                .ifPresent(lines::add);
        List<KeyFindingText> ordered = new ArrayList<>(findings);
        int main = KeyFindingSelector.main(paper, findings);
        int aimIndex = aim.map(Aim::sourceIndex).orElse(-2);
        if (main >= 0 && findings.get(main).sources().get(0).index() == aimIndex && findings.size() > 1) {
            // "This paper describes the case of ..." states the aim, not a result: the next finding is the result.
            main = main + 1 < findings.size() ? main + 1 : 0;
        }
        if (main > 0) {
            ordered.add(0, ordered.remove(main));
        }
        for (int i = 0; i < ordered.size() && i < 2; i++) {
            KeyFindingText f = ordered.get(i);
            used.add(f.sources().get(0).index());
            List<String> plain = rewriter.plain(f.sources().get(0).text(), acronyms);
            if (!plain.isEmpty()) {
                plain.set(0, core(plain.get(0)));
            }
            for (int p = 0; p < plain.size(); p++) {
                String text = plain.get(p);
                if (i == 0 && p == 0) {
                    lines.add(Line.framed("The main result was that ", text, 10, true, false));
                } else {
                    lines.add(new Line(text, true, true));
                }
            }
        }
        paper.withRole(SentenceRole.CONCLUSIONS).stream().filter(s -> !used.contains(s.index())).findFirst()
                .ifPresent(s -> {
                    List<String> plain = rewriter.plain(s.text(), acronyms);
                    if (!plain.isEmpty() && Words.count(plain.get(0)) >= 4) {
                        lines.add(new Line("The authors conclude that " + Rewriter.asClause(plain.get(0)) + ".",
                                true, true));
                    }
                });

        String caveat = caveat(design);
        if (!caveat.isEmpty()) {
            lines.add(new Line(caveat, false, false));
        }
        List<Line> kept = new ArrayList<>(lines);
        kept.removeIf(l -> l.text().isBlank());
        // Optional lines go first, hardest (or most copied) first, until the section is easy enough and at most a
        // quarter of its sentences repeat the source.
        while (true) {
            String text = render(kept);
            boolean tooHard = Readability.of(text).fleschKincaidGrade() > TARGET_GRADE;
            boolean tooCopied = copies(kept, sources) > copyBudget(text);
            if (!tooHard && !tooCopied) {
                break;
            }
            Line drop = null;
            double worst = -1;
            for (Line l : kept) {
                if (!l.optional()) {
                    continue;
                }
                double score = tooCopied ? (NearCopy.copies(l.text(), sources) ? 100 : 0)
                        + Readability.of(l.text()).fleschKincaidGrade()
                        : Readability.of(l.text()).fleschKincaidGrade();
                if (score > worst) {
                    worst = score;
                    drop = l;
                }
            }
            if (drop == null) {
                break;
            }
            kept.remove(drop);
        }
        // Still too hard: cut the framed sentences shorter, a word limit at a time.
        for (int max = 9; max >= 6 && Readability.of(render(kept)).fleschKincaidGrade() > TARGET_GRADE; max--) {
            for (int i = 0; i < kept.size(); i++) {
                kept.set(i, kept.get(i).shortened(max));
            }
        }
        // Core sentences that still repeat the source are shortened and framed in the engine's words.
        for (int i = 0; i < kept.size() && copies(kept, sources) > copyBudget(render(kept)); i++) {
            Line l = kept.get(i);
            if (NearCopy.copies(l.text(), sources)) {
                kept.set(i, new Line("In short, the study reports that " + Rewriter.asClause(trim(l.text(), 10))
                        + ".", false, false));
            }
        }
        String text = render(kept);
        String ownLines = String.join(" ", kept.stream().map(Line::text).toList());
        return new Explanation(text, unexplained(ownLines), (int) copies(kept, sources), sentenceCount(text));
    }

    private Line aimLine(PaperText paper, StudyDesign design, Optional<Aim> aim, Acronyms acronyms, Set<Integer> used) {
        if (aim.isEmpty()) {
            return titleAim(paper, design, acronyms);
        }
        if ((design == StudyDesign.CASE_REPORT || design == StudyDesign.CASE_SERIES)
                && aim.get().clause().matches("(?i)^(?:describe|report|present)\\s+(?:the|a|an|our|this)\\s+cases?\\b.*")) {
            // "describe the case of a boy" says less than the title, which names the condition
            used.add(aim.get().sourceIndex());
            return titleAim(paper, design, acronyms);
        }
        Aim a = aim.get();
        used.add(a.sourceIndex());
        return switch (a.kind()) {
            case INFINITIVE -> Line.framed("The researchers wanted to ", firstOf(rewriter.plain(a.clause(), acronyms)),
                    10, false, false);
            case HYPOTHESIS -> Line.framed("The researchers expected that ",
                    firstOf(rewriter.plain(a.clause(), acronyms)), 10, false, false);
            case QUESTION -> new Line("The study asked: " + Rewriter.asClause(acronyms.spellOut(a.clause()))
                    .replaceAll("\\?+$", "") + "?", false, false);
        };
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("this", "that", "these", "those", "with", "from", "were",
            "have", "been", "their", "there", "they", "than", "then", "which", "what", "when", "where", "while", "into",
            "about", "after", "before", "between", "also", "study", "studies", "patient", "patients", "people", "case",
            "report", "reported", "researchers", "authors", "wanted", "describe", "years", "year");

    /** Content words (four letters or more, first six letters) two texts share. */
    static int sharedContentWords(String a, String b) {
        Set<String> first = contentStems(a);
        first.retainAll(contentStems(b));
        return first.size();
    }

    private static Set<String> contentStems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 4 && !FUNCTION_WORDS.contains(w)) {
                out.add(w.length() > 6 ? w.substring(0, 6) : w);
            }
        }
        return out;
    }

    /** PubMed's "[...]" for translated titles and report subtitles ("...: 2 case reports") say nothing of the aim. */
    private static final java.util.regex.Pattern TITLE_TAIL = java.util.regex.Pattern.compile(
            "(?i)[:.]\\s*(?:an?\\s+)?(?:[\\w-]+\\s+)?(?:case reports?|report of (?:a|an|two|\\d+) cases?|a review|"
                    + "review of the literature|literature review)\\s*$");

    /**
     * No aim stated: the title says what the study was about. A title that states a finding ("Silencing X improves
     * Y") becomes "wanted to find out whether ..."; a topic ("Serological evidence of ...") "wanted to learn more
     * about ..."; a case report or narrative review "wanted to describe ...".
     */
    private Line titleAim(PaperText paper, StudyDesign design, Acronyms acronyms) {
        String title = paper.title().strip().replaceAll("^\\[|\\]\\.?$", "");
        title = TITLE_TAIL.matcher(title).replaceFirst("");
        String topic = rewriter.plain(title, acronyms).stream().findFirst().orElse(title);
        if (topic.isBlank()) {
            return new Line("", false, false);
        }
        String prefix = switch (design) {
            case CASE_REPORT, CASE_SERIES -> "The authors wanted to describe ";
            case NARRATIVE_REVIEW -> "The authors wanted to sum up what is known about ";
            default -> Rewriter.isSentence(topic) ? "The researchers wanted to find out whether "
                    : "The researchers wanted to learn more about ";
        };
        return Line.framed(prefix, topic, 10, false, false);
    }

    private static String firstOf(List<String> sentences) {
        return sentences.isEmpty() ? "" : sentences.get(0);
    }

    static String whoTookPart(StudyDesign design, Optional<Participants> participants) {
        if (participants.isEmpty()) {
            return "The abstract does not say who took part.";
        }
        Participants p = participants.get();
        String who = trim(p.text().replaceAll("\\s*\\([^)]*\\)", ""), 9, false);
        if (!p.countStated()) {
            String species = Rewriter.asClause(who).replaceAll("\\b(rat|cat|dog|pig|monkey|rabbit|primate)$", "$1s")
                    .replaceAll("\\bmouse$", "mice");
            return "The study used " + species + ". The abstract does not say how many.";
        }
        return switch (design) {
            case SYSTEMATIC_REVIEW, NARRATIVE_REVIEW -> "The review included " + Rewriter.asClause(who) + ".";
            case CASE_REPORT, CASE_SERIES -> "The report is about " + Rewriter.asClause(who) + ".";
            default -> PEOPLE.matcher(who).find() ? "In total, " + Rewriter.asClause(who) + " took part."
                    : "The study looked at " + Rewriter.asClause(who) + ".";
        };
    }

    static String whatWasDone(StudyDesign design, PaperText paper, Optional<Participants> participants) {
        String all = paper.abstractText().toLowerCase(Locale.ROOT) + " " + paper.title().toLowerCase(Locale.ROOT);
        return switch (design) {
            case SYSTEMATIC_REVIEW -> "The researchers pooled the results of earlier studies.";
            case RANDOMISED_TRIAL -> "People were put into groups by chance, and each group had a different treatment.";
            case NON_RANDOMISED_TRIAL -> "The researchers gave a treatment and compared groups that were not chosen by chance.";
            case COHORT -> all.contains("retrospective")
                    ? "The researchers looked back at the records of past patients."
                    : "The researchers followed a group of people over time.";
            case CASE_CONTROL -> "The researchers compared people who had the illness with similar people who did not.";
            case CROSS_SECTIONAL -> "The researchers took measurements from a group at a single point in time.";
            case CASE_SERIES -> "Doctors describe a small group of patients and how they were treated.";
            case CASE_REPORT -> participants.map(Participants::largestCount).filter(n -> n > 1).isPresent()
                    ? "Doctors describe these patients and how they were treated."
                    : "Doctors describe this patient and how they were treated.";
            case QUALITATIVE -> "The researchers talked with people and studied their views and experiences.";
            case ANIMAL_OR_LAB -> "The work was done in animals or in the lab, not in people.";
            case NARRATIVE_REVIEW -> "The authors sum up what is known about the topic.";
            case UNKNOWN -> "";
        };
    }

    /**
     * The design as the opening sentence names it: one term, so that one glossary line explains it ("systematic
     * review or meta-analysis" would bring two long explanations into a short section).
     */
    static String shortName(StudyDesign design) {
        return design == StudyDesign.SYSTEMATIC_REVIEW ? "systematic review" : design.label();
    }

    /** A closing line on what this kind of study can tell a reader. */
    static String caveat(StudyDesign design) {
        return switch (design) {
            case COHORT, CASE_CONTROL, CROSS_SECTIONAL -> "Studies like this can show links, but they cannot prove cause.";
            case RANDOMISED_TRIAL -> "Putting people into groups by chance makes the test of a treatment fair.";
            case NON_RANDOMISED_TRIAL -> "The groups were not chosen by chance, so they may differ in other ways.";
            case SYSTEMATIC_REVIEW -> "A review like this is only as good as the studies it pools.";
            case CASE_REPORT, CASE_SERIES -> "A report on so few people cannot show what is true for most people.";
            case ANIMAL_OR_LAB -> "Results in animals or in the lab do not always hold true in people.";
            case NARRATIVE_REVIEW -> "A review like this sums up ideas but does not test them.";
            case QUALITATIVE -> "It tells us about people's views, not how well a treatment works.";
            case UNKNOWN -> "";
        };
    }

    private Optional<Line> methodDetail(PaperText paper, Optional<Participants> participants, Acronyms acronyms,
                                        boolean anyVerb) {
        int skip = participants.map(Participants::sourceIndex).orElse(-2);
        for (AbstractSentence s : paper.withRole(SentenceRole.METHODS)) {
            boolean sentence = anyVerb ? Words.count(s.text()) >= 6 && (Rewriter.hasVerb(s.text())
                    || s.text().matches("(?i)^(?:we|the authors) (?:report|describe|present)\\b.*"))
                    : Rewriter.isSentence(s.text());
            if (s.index() == skip || !sentence) {
                continue;
            }
            List<String> plain = rewriter.plain(s.text(), acronyms);
            if (!plain.isEmpty() && Words.count(plain.get(0)) <= (anyVerb ? 18 : 22)) {
                return Optional.of(new Line(plain.get(0), true, true));
            }
        }
        return Optional.empty();
    }

    /** The lines with each glossary term explained after the sentence where it first appears. */
    private String render(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        Set<String> explained = new HashSet<>();
        for (Line l : lines) {
            if (l.text().isBlank()) {
                continue;
            }
            b.append(b.isEmpty() ? "" : " ").append(l.text());
            for (TermUse use : glossary.find(l.text())) {
                if (explained.add(use.entry().term())) {
                    b.append(' ').append(Glossary.explanationSentence(use));
                }
            }
        }
        return b.toString();
    }

    /** Sentences that repeat a source sentence nearly word for word (glossary explanations never do). */
    private static long copies(List<Line> lines, List<String> sources) {
        return lines.stream().filter(l -> NearCopy.copies(l.text(), sources)).count();
    }

    private static long copyBudget(String text) {
        return (long) Math.floor(MAX_COPY_SHARE * sentenceCount(text));
    }

    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern.compile(
            ":\\s|,\\s(?=(?:which|with|including|while|whereas|but|as|although|compared|resulting|despite|because|after|in|"
                    + "for|by|where|when)\\b|\\w+ing\\b)|\\s(?:with|in|for|after|between|among|including|by|because|than|"
                    + "when|during)\\s");
    private static final java.util.regex.Pattern INTRO = java.util.regex.Pattern.compile(
            "^(?:To|In|Of|After|Among|At|For|With|Despite|Although|Compared|Across|Given|During|Since|From|Out of|"
                    + "Based on|Currently|Recently|Overall|Geographically)\\b[^,]{0,90},\\s+");
    private static final java.util.regex.Pattern BAD_END = java.util.regex.Pattern.compile(
            "\\b(?:still|now|also|then|only|the|a|an|of|to|is|are|was|were|be|been|and|or|that|its|their|linked|"
                    + "associated|related|compared|combined|according|due|such|as|in|with|for|by|on|at|following)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern REPORTING = java.util.regex.Pattern.compile(
            "^(?:.*?,\\s+)?(?:the researchers|we|this study|the study|their study|their analysis|results|the results|"
                    + "this|these data|these findings)\\s+(?:also\\s+)?(?:found|show|showed|shows|demonstrate|showing|"
                    + "demonstrated|revealed|observed|confirm|confirmed|challenge this assumption, showing|indicates?|"
                    + "suggests?)\\s+that\\s+|^.{0,160}?\\b(?:suggest|suggests|indicate|indicates|show|shows|showed|"
                    + "demonstrate|demonstrates|confirm|confirms|reveal|revealed|found)\\s+that\\s+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The substance of a finding: without "To achieve X, ..." openings or "The researchers found that". */
    static String core(String sentence) {
        String s = sentence.strip();
        java.util.regex.Matcher reporting = REPORTING.matcher(s);
        if (reporting.find() && Words.count(s.substring(reporting.end())) >= 5) {
            s = s.substring(reporting.end());
        }
        java.util.regex.Matcher intro = INTRO.matcher(s);
        if (intro.find() && Words.count(s.substring(intro.end())) >= 6) {
            s = s.substring(intro.end());
        }
        s = s.replaceAll("['‘’\"“”]", "");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final java.util.regex.Pattern LOOSE_BOUNDARY = java.util.regex.Pattern.compile(
            ",\\s|\\s(?:that|which|where|while|but|with|in|for|after|between|among|by|on|at|to|from|during)\\s"
                    + "|\\sand\\s(?=(?:the|a|an|this|these|their|its|it|they|there|was|were|is|are|has|had|may|can)\\b)");

    /** The clause cut at a natural boundary so that it keeps at most about {@code maxWords} words. */
    static String trim(String clause, int maxWords) {
        return trim(clause, maxWords, true);
    }

    static String trim(String clause, int maxWords, boolean needVerb) {
        String c = clause.strip().replaceAll("[.!?]+$", "");
        if (Words.count(c) <= maxWords) {
            return c;
        }
        String fallback = c;
        for (java.util.regex.Pattern boundary : List.of(BOUNDARY, LOOSE_BOUNDARY)) {
            java.util.regex.Matcher m = boundary.matcher(c);
            String within = null;
            String slightlyOver = null;
            while (m.find()) {
                String cut = c.substring(0, m.start());
                int words = Words.count(cut);
                if (words < Math.min(7, maxWords) || needVerb && !Rewriter.hasVerb(cut) || BAD_END.matcher(cut).find()) {
                    continue;
                }
                if (words <= maxWords) {
                    within = cut; // the longest sound cut that fits keeps most of the meaning
                } else if (words <= maxWords + 5 && slightlyOver == null) {
                    slightlyOver = cut;
                } else if (cut.length() < fallback.length()) {
                    fallback = cut; // too long still, but the shortest sound cut there is
                }
            }
            if (within != null) {
                return within;
            }
            if (slightlyOver != null) {
                return slightlyOver;
            }
        }
        return fallback;
    }

    private static int sentenceCount(String text) {
        return Math.max(1, Readability.of(text).sentences());
    }

    /** Long words and abbreviations in the section that no glossary term covers. */
    private List<String> unexplained(String text) {
        boolean[] covered = new boolean[text.length()];
        for (TermUse use : glossary.find(text)) {
            for (int i = use.start(); i < use.end(); i++) {
                covered[i] = true;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Token t : Words.tokens(text)) {
            if (!t.hasLetter() || covered[t.start()] || t.text().matches(".*\\d.*")) {
                continue;
            }
            String w = t.text();
            boolean abbreviation = w.length() >= 2 && w.chars().filter(Character::isUpperCase).count() >= 2;
            boolean longWord = Syllables.count(w) >= 4 && !EVERYDAY.contains(w.toLowerCase(Locale.ROOT));
            if (abbreviation || longWord) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    static String article(String phrase) {
        return phrase.matches("(?i)^[aeiou].*") ? "an" : "a";
    }
}
