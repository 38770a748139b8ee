package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Study limitations: those the abstract states, then those that follow from the design and the setting
 * (animal model, single case, small sample, no comparison group, single centre, looking back at records...).
 */
public final class LimitationFinder {

    /** Below this many participants a study is called small. */
    public static final int SMALL_SAMPLE = 50;

    private static final Pattern STATED = Pattern.compile("\\b(limited by|limitations?|small (sample|number|cohort)|"
            + "preliminary|further (studies|research|investigations?|work) (is|are)? ?(needed|required|warranted)|"
            + "needs? (to be )?(validat|confirm)\\w*|larger (studies|cohort|sample|trials?)|with caution|"
            + "not (be )?generali[sz]\\w*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SINGLE_CENTRE = Pattern.compile("\\b(single[- ]cent(er|re)|single[- ]institution|"
            + "our (center|centre|hospital|department|clinic|institution)|one (center|centre|hospital))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARISON = Pattern.compile("\\b(control|controls|compared|comparison|versus|vs\\.?|"
            + "groups?)\\b", Pattern.CASE_INSENSITIVE);

    private final Rewriter rewriter;

    public LimitationFinder(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    public List<String> find(PaperText paper, StudyDesign design, Optional<Participants> participants) {
        List<String> out = new ArrayList<>();
        for (AbstractSentence s : paper.sentences()) {
            if (STATED.matcher(s.text()).find()) {
                out.add("The authors note: " + Rewriter.asClause(Rewriter.thirdPerson(rewriter.tidy(s.text()))) + ".");
            }
        }
        String stated = String.join(" ", out).toLowerCase(Locale.ROOT);
        String text = paper.abstractText() + " " + paper.title();
        switch (design) {
            case ANIMAL_OR_LAB -> out.add("The results come from animals or lab work and may not apply to people.");
            case CASE_REPORT -> out.add("It describes very few patients, so the results may not apply to others.");
            case CASE_SERIES -> out.add("It describes a small group of patients without a comparison group.");
            case COHORT, CASE_CONTROL, CROSS_SECTIONAL ->
                    out.add("As an observational study, it can show links but cannot prove cause and effect.");
            case NON_RANDOMISED_TRIAL -> out.add("The groups were not formed by chance, so they may differ in ways "
                    + "that affect the results.");
            case SYSTEMATIC_REVIEW -> out.add("Its conclusions depend on the quality of the studies it pooled.");
            case NARRATIVE_REVIEW -> out.add("It is a narrative review, not a systematic search of all studies, so "
                    + "some evidence may be missing.");
            case QUALITATIVE -> out.add("Qualitative findings describe the views of the people involved and may not "
                    + "apply to other settings.");
            case UNKNOWN -> out.add("The abstract does not say what kind of study this is.");
            default -> {
            }
        }
        if (text.toLowerCase(Locale.ROOT).contains("retrospective")) {
            out.add("It looked back at existing records, which may be incomplete.");
        }
        boolean small = participants.map(Participants::largestCount)
                .filter(n -> n > 1 && n < SMALL_SAMPLE).isPresent();
        // counts of cases, pooled studies or interviews say nothing about statistical power
        boolean counted = switch (design) {
            case CASE_REPORT, CASE_SERIES, SYSTEMATIC_REVIEW, NARRATIVE_REVIEW, QUALITATIVE -> false;
            default -> true;
        };
        if (small && counted && !stated.contains("small")) {
            out.add("The study was small, so chance may explain some of the results.");
        }
        if (SINGLE_CENTRE.matcher(text).find()) {
            out.add("It was done at a single centre, so results may differ elsewhere.");
        }
        if (design == StudyDesign.NON_RANDOMISED_TRIAL && !COMPARISON.matcher(text).find()) {
            out.add("There was no comparison group.");
        }
        return out;
    }
}
