package app.plainpaper.drafting.evidence;

import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.plainpaper.drafting.StudyDesign.*;

/**
 * Reads the study design from publication types, the title and the abstract. Each cue adds its weight to a
 * design; the paper naming its own design ("In this cross-sectional study") weighs most. Ties go to the design
 * listed first in {@link StudyDesign}. Cues in background sentences count for little: they usually describe
 * other studies.
 */
public final class StudyDesignClassifier {

    private record Rule(StudyDesign design, int weight, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(SYSTEMATIC_REVIEW, 3, "systematic(ally)? review|meta-analys[ie]s|meta-regression|pooled analysis"),
            rule(SYSTEMATIC_REVIEW, 2, "databases were searched|searched (the )?(medline|pubmed|embase|cochrane)"),
            // the parts of a Cochrane / PRISMA abstract: search methods, selection criteria, data collection
            rule(SYSTEMATIC_REVIEW, 3, "\\bwe searched\\b|\\bsearched (the )?(cochrane|central|medline|pubmed|embase|"
                    + "cinahl|psycinfo|web of science|scopus|trial registers|electronic databases)|selection criteria|"
                    + "data collection and analysis|review authors|authors of the review"),
            rule(SYSTEMATIC_REVIEW, 3, "\\bwe (included|identified|found) (\\d[\\d,]*|[a-z]+(-[a-z]+)?) ([a-z-]+ ){0,4}"
                    + "(studies|trials|RCTs)\\b|\\b(studies|trials|RCTs) (were|was) (included|eligible)|"
                    + "met (the|our) (inclusion|eligibility) criteria|included (studies|trials)\\b"),
            rule(SYSTEMATIC_REVIEW, 2, "\\bpooled\\b|risk of bias|(very low|low|moderate|high)[- ](certainty|quality) "
                    + "(of )?evidence|certainty of (the )?evidence|\\b(\\d+|[a-z]+) (studies|trials|RCTs), "
                    + "\\d[\\d,]* (participants|people|patients|women|men|children|infants|adults)"),
            // singular "trial": a paper naming itself; "randomised controlled trials" (plural) is what a review pools
            rule(RANDOMISED_TRIAL, 3, "(?<!non-?)randomi[sz]ed,? (double-blind,? |placebo-controlled,? |controlled,? |"
                    + "clinical |multicent(er|re),? )*trial(?!s)|randomly (assigned|allocated)|underwent randomi[sz]ation"),
            rule(RANDOMISED_TRIAL, 2, "double-blind|placebo-controlled|\\bRCT\\b"),
            rule(NON_RANDOMISED_TRIAL, 3, "non-?randomi[sz]ed (controlled )?(clinical )?trial|single-arm trial|"
                    + "quasi-experimental|open-label,? (single-arm|non-?randomi[sz]ed)"),
            rule(CASE_CONTROL, 3, "case[- ]control|\\bcases and \\S+ (matched )?controls"),
            rule(CASE_CONTROL, 2, "matched controls"),
            rule(COHORT, 3, "cohort study|prospective(ly)? (multicent(er|re) )?(longitudinal )?(observational )?study|"
                    + "longitudinal (and observational |observational )?study|multi-cohort|observational cohort|"
                    + "retrospective(ly)? (outcome )?(measurement )?(analysis|study|review|reviewed|cohort)"),
            rule(COHORT, 2, "\\bregist(er|ry)\\b|observational study|followed (up )?for|two largescale cohorts|"
                    + "medical records|prospective cohorts?"),
            rule(COHORT, 1, "\\bprognos|between (the )?(two )?groups|groups? [AB]\\b|surgical group|data were collected|"
                    + "\\bcohorts?\\b"),
            rule(CROSS_SECTIONAL, 3, "cross-sectional|population-based study|prevalence study|serological (study|survey)"),
            rule(CROSS_SECTIONAL, 2, "\\bsurvey\\b|questionnaire|psychometric|reliability|construct validity|"
                    + "seroprevalence|seropositivity"),
            rule(CASE_SERIES, 3, "case series|(present(ation of)?|report|describe)\\s+(\\d+|two|three|four|five|six|"
                    + "seven|eight|nine|ten) (cases|patients)"),
            rule(CASE_SERIES, 2, "consecutive (patients|cases)"),
            rule(CASE_REPORT, 3, "case[- ]reports?|we (report|describe|present) (on )?(a|an|one) ([a-z0-9]+(-[a-z]+)?-(year|month)-old|case|patient|man|woman|child|boy|girl)|the case of|"
                    + "this case (highlights|shows|illustrates)|\\b(a|an) (\\d+|[a-z]+(-[a-z]+)?)-(year|month)-old "
                    + "(man|woman|male|female|boy|girl|child|patient)|we treated (a|an) "),
            rule(CASE_REPORT, 3, "(report|reports|describe|present) (2|two) (acute |consecutive )?[a-z ]{0,20}"
                    + "(patients|cases)|\\b(2|two) case reports"),
            rule(QUALITATIVE, 3, "qualitative|focus groups?|thematic analysis|grounded theory|action research|"
                    + "semi-structured interviews|phenomenolog"),
            rule(QUALITATIVE, 2, "interviews|mixed[- ]methods?"),
            rule(ANIMAL_OR_LAB, 3, "\\b(rats?|mice|mouse|cats|dogs|pigs|minipigs|monkeys|primates|rodents|rabbits|"
                    + "zebrafish)\\b|in vitro|cell lines?|cultured (cells|neurons)|animal model"),
            rule(ANIMAL_OR_LAB, 2, "\\banimals\\b|recombinant|purified|biochemical(ly)?|transcriptomic|proteomic|"
                    + "systems biology|gene expression|knock-?out|enzymatic"),
            rule(NARRATIVE_REVIEW, 3, "in this review|we review|this review|narrative review|an overview of|"
                    + "we provide an overview|review of (the )?literature"),
            rule(NARRATIVE_REVIEW, 1, "(molecular|cytogenetic|immunohistochemical|recent|previous|several|other) "
                    + "(and [a-z]+ )?studies (have )?(demonstrated|shown|revealed|reported)"));

    private static final Map<String, StudyDesign> PUBLICATION_TYPES = Map.ofEntries(
            Map.entry("meta-analysis", SYSTEMATIC_REVIEW),
            Map.entry("systematic review", SYSTEMATIC_REVIEW),
            Map.entry("randomized controlled trial", RANDOMISED_TRIAL),
            Map.entry("pragmatic clinical trial", RANDOMISED_TRIAL),
            Map.entry("controlled clinical trial", NON_RANDOMISED_TRIAL),
            Map.entry("clinical trial", NON_RANDOMISED_TRIAL),
            Map.entry("clinical trial, phase i", NON_RANDOMISED_TRIAL),
            Map.entry("clinical trial, phase ii", NON_RANDOMISED_TRIAL),
            Map.entry("observational study", COHORT),
            Map.entry("case reports", CASE_REPORT),
            Map.entry("review", NARRATIVE_REVIEW));

    private static Rule rule(StudyDesign design, int weight, String regex) {
        return new Rule(design, weight, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    public DesignReading classify(PaperText paper) {
        List<DesignCue> cues = new ArrayList<>();
        for (String type : paper.paper().publicationTypes()) {
            StudyDesign d = PUBLICATION_TYPES.get(type.strip().toLowerCase(Locale.ROOT));
            if (d != null) {
                // an indexer's label outweighs wording; plain "Review" is weaker as it also covers systematic ones
                cues.add(new DesignCue(d, d == NARRATIVE_REVIEW ? 3 : 5, type, "publication type"));
            }
        }
        scan(paper.title(), 1, "title", cues);
        for (AbstractSentence s : paper.sentences()) {
            boolean background = s.role() == SentenceRole.BACKGROUND && s.index() == 0 && paper.sentences().size() > 2;
            scan(s.text(), background ? 0 : 1, "sentence " + s.index(), cues);
        }
        Map<StudyDesign, Integer> scores = new EnumMap<>(StudyDesign.class);
        Map<String, Boolean> counted = new java.util.HashMap<>();
        for (DesignCue cue : cues) {
            // one rule counts once per design: repeats of "rats" do not make a study more animal
            String key = cue.design() + "|" + cue.words().toLowerCase(Locale.ROOT);
            if (counted.putIfAbsent(key, true) == null) {
                scores.merge(cue.design(), cue.weight(), Integer::sum);
            }
        }
        StudyDesign best = UNKNOWN;
        int bestScore = 0;
        for (StudyDesign d : StudyDesign.values()) {
            int score = scores.getOrDefault(d, 0);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        if (bestScore < 2) {
            best = UNKNOWN;
        }
        StudyDesign chosen = best;
        int strongest = cues.stream().filter(c -> c.design() == chosen).mapToInt(DesignCue::weight).max().orElse(0);
        List<StudyDesign> conflicting = cues.stream()
                .filter(c -> c.design() != chosen && c.weight() >= 3 && strongest >= 3 && c.weight() >= strongest
                        && !compatible(chosen, c.design()))
                .map(DesignCue::design).distinct().toList();
        List<DesignCue> kept = cues.stream().filter(c -> c.weight() > 0).toList();
        return new DesignReading(chosen, kept, conflicting);
    }

    /** Designs that a paper of the chosen design names as a matter of course. */
    private static boolean compatible(StudyDesign chosen, StudyDesign other) {
        return switch (chosen) {
            case SYSTEMATIC_REVIEW -> true; // reviews name the designs they pool
            case CASE_REPORT, CASE_SERIES -> other == NARRATIVE_REVIEW || other == CASE_REPORT || other == CASE_SERIES;
            case CROSS_SECTIONAL -> other == COHORT;
            default -> false;
        };
    }

    private static void scan(String text, int factor, String location, List<DesignCue> cues) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                int weight = factor == 0 ? Math.min(rule.weight(), 1) - 1 : rule.weight();
                cues.add(new DesignCue(rule.design(), Math.max(weight, 0), m.group(), location));
            }
        }
    }
}
