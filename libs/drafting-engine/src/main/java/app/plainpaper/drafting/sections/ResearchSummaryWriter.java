package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.extraction.Aim;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;
import app.plainpaper.text.Words;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Research Summary: a fuller paragraph than the Simple Explanation, closer to the authors' words:
 * the topic and aim, who took part, how the study was done, the key findings and the authors' conclusion.
 */
public final class ResearchSummaryWriter {

    private final Rewriter rewriter;

    public ResearchSummaryWriter(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    public String write(PaperText paper, StudyDesign design, Optional<Aim> aim, Optional<Participants> participants,
                        List<KeyFindingText> findings) {
        List<String> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        String kind = design == StudyDesign.UNKNOWN ? "paper" : design.label();
        out.add("This " + kind + " is titled \"" + paper.title() + "\".");
        aim.ifPresent(a -> {
            used.add(a.sourceIndex());
            out.add(switch (a.kind()) {
                case INFINITIVE -> "The research aimed to " + Rewriter.asClause(Rewriter.thirdPerson(rewriter.tidy(a.clause()))) + ".";
                case HYPOTHESIS -> "The researchers hypothesised that " + Rewriter.asClause(rewriter.tidy(a.clause())) + ".";
                case QUESTION -> "It asks: " + a.clause().replaceAll("\\?+$", "") + "?";
            });
        });
        participants.ifPresent(p -> {
            used.add(p.sourceIndex());
            out.add("It involved " + Rewriter.asClause(p.text()) + ".");
        });
        int methods = 0;
        for (AbstractSentence s : paper.withRole(SentenceRole.DESIGN, SentenceRole.METHODS)) {
            if (methods == 2 || used.contains(s.index()) || !Rewriter.isSentence(s.text())) {
                continue;
            }
            out.add(Rewriter.thirdPerson(rewriter.tidy(s.text())));
            used.add(s.index());
            methods++;
        }
        for (int i = 0; i < findings.size(); i++) {
            KeyFindingText f = findings.get(i);
            used.add(f.sources().get(0).index());
            String clause = Rewriter.asClause(f.text());
            out.add(i == 0 ? "The key findings were that " + clause + "." : i == 1 ? "They also found that " + clause + "."
                    : Rewriter.finishSentence(f.text()));
        }
        paper.withRole(SentenceRole.CONCLUSIONS).stream().filter(s -> !used.contains(s.index()))
                .filter(s -> Words.count(rewriter.tidy(s.text())) >= 4).findFirst()
                .ifPresent(s -> out.add("The authors conclude that "
                        + Rewriter.asClause(Rewriter.thirdPerson(rewriter.tidy(s.text()))) + "."));
        return String.join(" ", out).replaceAll("\\.\\.", ".");
    }
}
