package app.plainpaper.drafting;

import app.plainpaper.drafting.evidence.DesignReading;
import app.plainpaper.drafting.evidence.OcebmLevels;
import app.plainpaper.drafting.evidence.StudyDesignClassifier;
import app.plainpaper.drafting.extraction.Aim;
import app.plainpaper.drafting.extraction.AimExtractor;
import app.plainpaper.drafting.extraction.DurationExtractor;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.extraction.ParticipantsExtractor;
import app.plainpaper.drafting.glossary.Glossary;
import app.plainpaper.drafting.plain.PlainWords;
import app.plainpaper.drafting.plain.Rewriter;
import app.plainpaper.drafting.revision.DraftReviser;
import app.plainpaper.drafting.sections.Explanation;
import app.plainpaper.drafting.sections.ImplicationWriter;
import app.plainpaper.drafting.sections.KeyFindingSelector;
import app.plainpaper.drafting.sections.LimitationFinder;
import app.plainpaper.drafting.sections.ResearchSummaryWriter;
import app.plainpaper.drafting.sections.SectionFigures;
import app.plainpaper.drafting.sections.SimpleExplanationWriter;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in drafting engine ("builtin-1"): offline and deterministic, from rules and the data files
 * {@code glossary.tsv}, {@code taxonomy.tsv}, {@code plain-words.tsv} and {@code implication-themes.tsv}.
 * Every number in a draft comes from the source; what the abstract does not say is left empty and flagged.
 * Thread-safe: it holds no per-draft state.
 */
public final class BuiltInDraftingEngine implements DraftingEngine {

    public static final String ENGINE = "builtin-1";
    public static final String NO_LIMITATIONS =
            "No limitations stated in the abstract or following from the design: check the full paper";

    private final Glossary glossary;
    private final Taxonomy taxonomy;
    private final StudyDesignClassifier classifier = new StudyDesignClassifier();
    private final OcebmLevels levels = new OcebmLevels();
    private final ParticipantsExtractor participantsExtractor = new ParticipantsExtractor();
    private final DurationExtractor durationExtractor = new DurationExtractor();
    private final AimExtractor aimExtractor = new AimExtractor();
    private final KeyFindingSelector findingSelector;
    private final SimpleExplanationWriter explanationWriter;
    private final ResearchSummaryWriter summaryWriter;
    private final ImplicationWriter implicationWriter;
    private final LimitationFinder limitationFinder;
    private final DraftReviser reviser = new DraftReviser();

    /** The engine with the data files it ships with. */
    public BuiltInDraftingEngine() {
        this(Glossary.builtIn(), Taxonomy.builtIn(), PlainWords.builtIn());
    }

    /** The engine with other data, e.g. a glossary an editor extended. */
    public BuiltInDraftingEngine(Glossary glossary, Taxonomy taxonomy, PlainWords plainWords) {
        this.glossary = Objects.requireNonNull(glossary);
        this.taxonomy = Objects.requireNonNull(taxonomy);
        Rewriter rewriter = new Rewriter(Objects.requireNonNull(plainWords));
        this.findingSelector = new KeyFindingSelector(rewriter);
        this.explanationWriter = new SimpleExplanationWriter(glossary, rewriter);
        this.summaryWriter = new ResearchSummaryWriter(rewriter);
        this.implicationWriter = new ImplicationWriter(rewriter);
        this.limitationFinder = new LimitationFinder(rewriter);
    }

    @Override
    public DraftText draft(SourcePaper paper) {
        Objects.requireNonNull(paper, "paper");
        PaperText text = PaperText.read(paper);
        DesignReading reading = classifier.classify(text);
        StudyDesign design = reading.design();
        EvidenceAssessment evidence = levels.assess(reading);
        Optional<Participants> participants = participantsExtractor.extract(text);
        Optional<String> duration = durationExtractor.extract(text, design);
        Optional<Aim> aim = aimExtractor.extract(text);
        List<KeyFindingText> findings = findingSelector.select(text);
        Explanation explanation = explanationWriter.write(text, design, aim, participants, findings);
        String summary = summaryWriter.write(text, design, aim, participants, findings);
        List<ImplicationText> implications = implicationWriter.write(text, design);
        List<String> limitations = limitationFinder.find(text, design, participants);
        List<String> indexTerms = new ArrayList<>(paper.keywords());
        indexTerms.addAll(paper.meshTerms());
        List<String> categories = taxonomy.categorise(text.title(), text.abstractText(), indexTerms);

        List<String> flags = new ArrayList<>();
        if (text.sentences().isEmpty()) {
            flags.add("The source has no abstract: the draft rests on the title alone");
        } else if (text.sentences().size() < 4) {
            flags.add("Very short abstract: check the draft against the full paper");
        }
        String last = text.sentences().isEmpty() ? "." : text.sentences().get(text.sentences().size() - 1).text();
        if (!last.strip().matches("(?s).*[.!?)\\]\"”]$")) {
            flags.add("The abstract seems cut off at the end: check the full paper");
        }
        if (text.titleTranslated()) {
            flags.add("Title translated from another language: check names and terms against the original");
        }
        if (participants.isEmpty()) {
            flags.add("Participants not stated in the abstract");
        } else if (!participants.get().countStated()) {
            flags.add("Number of participants not stated in the abstract");
        }
        if (duration.isEmpty()) {
            flags.add("Study dates not stated in the abstract");
        }
        if (design == StudyDesign.UNKNOWN) {
            flags.add("Study design not recognised: set the evidence level by hand");
        } else if (!reading.conflicting().isEmpty()) {
            flags.add("The abstract names several designs (" + String.join(", ", reading.conflicting().stream()
                    .map(StudyDesign::label).toList()) + "): check the evidence level");
        }
        if (findings.isEmpty()) {
            flags.add("No findings found in the abstract: write the key findings by hand");
        }
        if (limitations.isEmpty()) {
            flags.add(NO_LIMITATIONS);
        }
        if (categories.isEmpty()) {
            flags.add("No category matched: choose a category by hand");
        }
        if (!explanation.unexplained().isEmpty()) {
            List<String> words = explanation.unexplained();
            flags.add("Words in the Simple Explanation the glossary does not explain: "
                    + String.join(", ", words.subList(0, Math.min(10, words.size()))));
        }
        DraftText draft = new DraftText(explanation.text(), duration.orElse(null),
                participants.map(Participants::text).orElse(null), evidence, findings, summary, implications,
                limitations, categories,
                SectionFigures.readability(explanation.text(), findings, summary, implications, limitations),
                flags, ENGINE, null);
        List<String> unsupported = DraftReviser.numbersNotInSource(draft, text.sourceText());
        if (unsupported.isEmpty()) {
            return draft;
        }
        // Never expected: a rule let through a number the source does not have. Say so rather than hide it.
        List<String> withWarning = new ArrayList<>(flags);
        withWarning.addAll(unsupported);
        return new DraftText(draft.simpleExplanation(), draft.studyDuration(), draft.participants(), evidence,
                findings, summary, implications, limitations, categories, draft.readability(), withWarning, ENGINE,
                null);
    }

    @Override
    public DraftText revise(SourcePaper paper, DraftText previous, Map<String, String> editedSections, String comment) {
        return reviser.revise(PaperText.read(paper).sourceText(), previous, editedSections, comment);
    }

    public Glossary glossary() {
        return glossary;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }
}
