package app.plainpaper.draftingservice.revision;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SectionReadability;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceRef;
import app.plainpaper.drafting.SourceSection;
import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.events.Actor;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Implication;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.SourceSentence;

/** Between the event contracts and the drafting engine's own model. */
final class DraftMapping {

    private DraftMapping() {
    }

    static SourcePaper source(String summaryId, Paper paper) {
        return new SourcePaper(summaryId, paper.getTitle(), paper.getJournal(), paper.getYear(),
                paper.getAbstractSections().stream().map(s -> new SourceSection(s.getLabel(), s.getText())).toList(),
                paper.getKeywords(), paper.getMeshTerms(), paper.getPublicationTypes());
    }

    static Draft draft(DraftText text, int revision, Actor writtenBy) {
        return Draft.newBuilder()
                .setRevision(revision)
                .setWrittenBy(writtenBy)
                .setEngine(text.engine())
                .setSimpleExplanation(text.simpleExplanation())
                .setStudyDuration(text.studyDuration())
                .setParticipants(text.participants())
                .setEvidenceLevel(EvidenceLevel.newBuilder()
                        .setScale(text.evidence().scale())
                        .setLevel(text.evidence().level())
                        .setDesign(app.plainpaper.events.StudyDesign.valueOf(text.evidence().design().name()))
                        .setReason(text.evidence().reason())
                        .build())
                .setKeyFindings(text.keyFindings().stream().map(f -> KeyFinding.newBuilder()
                        .setText(f.text())
                        .setSourceSentences(f.sources().stream().map(s -> SourceSentence.newBuilder()
                                .setIndex(s.index()).setText(s.text()).build()).toList())
                        .build()).toList())
                .setResearchSummary(text.researchSummary())
                .setPracticalImplications(text.practicalImplications().stream()
                        .map(i -> Implication.newBuilder().setTitle(i.title()).setText(i.text()).build()).toList())
                .setLimitations(text.limitations())
                .setCategories(text.categories())
                .setReadability(text.readability().stream().map(r -> app.plainpaper.events.SectionReadability.newBuilder()
                        .setSection(r.section()).setFleschKincaidGrade(r.fleschKincaidGrade())
                        .setMeanSentenceLength(r.meanSentenceLength()).setWords(r.words()).build()).toList())
                .setChangeNote(text.changeNote())
                .setEditorFlags(text.editorFlags())
                .build();
    }

    static DraftText text(Draft draft) {
        var level = draft.getEvidenceLevel();
        return new DraftText(draft.getSimpleExplanation(), draft.getStudyDuration(), draft.getParticipants(),
                new EvidenceAssessment(level.getScale(), level.getLevel(), StudyDesign.valueOf(level.getDesign().name()), level.getReason()),
                draft.getKeyFindings().stream().map(f -> new KeyFindingText(f.getText(),
                        f.getSourceSentences().stream().map(s -> new SourceRef(s.getIndex(), s.getText())).toList())).toList(),
                draft.getResearchSummary(),
                draft.getPracticalImplications().stream().map(i -> new ImplicationText(i.getTitle(), i.getText())).toList(),
                draft.getLimitations(), draft.getCategories(),
                draft.getReadability().stream().map(r -> new SectionReadability(r.getSection(), r.getFleschKincaidGrade(),
                        r.getMeanSentenceLength(), r.getWords())).toList(),
                draft.getEditorFlags(), draft.getEngine(), draft.getChangeNote());
    }
}
