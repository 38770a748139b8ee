package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SourceRef;
import app.plainpaper.drafting.plain.Acronyms;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the sentences that carry a paper's findings (results and conclusions that say what was found) and
 * turns each into a key finding that cites the sentence it rests on.
 */
public final class KeyFindingSelector {

    private static final Pattern FINDING = Pattern.compile("\\b(improved|improves|improve|associated|showed|shown|show|"
            + "revealed|found|reduced|increased|decreased|higher|lower|better|poorer|worse|predict\\w*|significant\\w*|"
            + "no (significant )?(difference|correlation|evidence)|did not|does not|was not|were not|recovered|"
            + "restored|resolution|resolved|cured?|died|superior|inferior|similar|correlated|remained|changed|"
            + "confirm\\w*|effective\\w*|feasible|safe|fused|normali[sz]ed|identified|detected|can occur|"
            + "demonstrat\\w*|indicat\\w*|suggest\\w*|reverses|bypass\\w*|recover\\w*|diminish\\w*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FINDING = Pattern.compile("\\b(may be limited|limitation|was used to|were used to|"
            + "underwent randomi[sz]ation|were included in|were enrolled|were randomi[sz]ed|were recruited|funded by|"
            + "can be explored|we have provided|open-access app|website|further research|future research|"
            + "were calculated|was calculated|is important to)\\b", Pattern.CASE_INSENSITIVE);

    private final Rewriter rewriter;

    public KeyFindingSelector(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    /**
     * Which finding to lead with: the first result stated in words rather than figures, else the first
     * conclusion, else the first finding. Returns -1 when there are none.
     */
    public static int main(PaperText paper, List<KeyFindingText> findings) {
        for (int i = 0; i < findings.size(); i++) {
            AbstractSentence s = paper.sentence(findings.get(i).sources().get(0).index());
            if (s.role() == SentenceRole.RESULTS && FINDING.matcher(s.text()).find()
                    && Numbers.find(s.text()).size() <= 2 && !NOT_A_FINDING.matcher(s.text()).find()) {
                return i;
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            if (paper.sentence(findings.get(i).sources().get(0).index()).role() == SentenceRole.CONCLUSIONS) {
                return i;
            }
        }
        return findings.isEmpty() ? -1 : 0;
    }

    /** Up to three findings (four for long abstracts), in source order. */
    public List<KeyFindingText> select(PaperText paper) {
        List<AbstractSentence> candidates = paper.withRole(SentenceRole.RESULTS, SentenceRole.CONCLUSIONS);
        if (candidates.isEmpty()) {
            List<AbstractSentence> all = paper.sentences();
            candidates = all.subList(Math.max(0, all.size() - 2), all.size());
        }
        record Scored(AbstractSentence sentence, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        boolean firstConclusion = true;
        for (AbstractSentence s : candidates) {
            double score = 0;
            if (NOT_A_FINDING.matcher(s.text()).find()) {
                score -= 5;
            }
            if (FINDING.matcher(s.text()).find()) {
                score += 2;
            }
            if (s.role() == SentenceRole.CONCLUSIONS && firstConclusion) {
                score += 1.5;
                firstConclusion = false;
            }
            List<NumberMention> numbers = Numbers.find(s.text());
            if (numbers.size() > 6) {
                score -= 1; // a row of statistics reads badly as a finding
            }
            int words = Words.count(s.text());
            if (words < 6) {
                score -= 2;
            }
            if (words > 45) {
                score -= 1;
            }
            scored.add(new Scored(s, score));
        }
        int wanted = paper.sentences().size() >= 12 ? 4 : 3;
        List<AbstractSentence> chosen = scored.stream()
                .filter(s -> s.score() > -3)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparingInt(s -> s.sentence().index()))
                .limit(wanted)
                .map(Scored::sentence)
                .sorted(Comparator.comparingInt(AbstractSentence::index))
                .toList();
        Acronyms acronyms = Acronyms.definedIn(paper.abstractText());
        List<KeyFindingText> findings = new ArrayList<>();
        for (AbstractSentence s : chosen) {
            String text = rewriter.readable(s.text(), acronyms);
            if (Words.count(text) >= 3) {
                findings.add(new KeyFindingText(text, List.of(new SourceRef(s.index(), s.text()))));
            }
        }
        return findings;
    }
}
