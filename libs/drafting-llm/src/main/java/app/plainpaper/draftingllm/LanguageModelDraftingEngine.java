package app.plainpaper.draftingllm;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.source.PaperText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drafts through a language model ({@code engine = "llm:<model>"}) and falls back to the built-in engine when the
 * model gives no usable draft: no answer (error, timeout), an answer that is not the draft contract, or an answer
 * with a number the source does not contain. The fallback draft is the built-in engine's ({@code builtin-1}) with a
 * first editor flag that says the model was not used and why. Revisions keep the editor's text exactly as the
 * built-in engine does, whichever engine wrote the previous revision.
 */
public final class LanguageModelDraftingEngine implements DraftingEngine {

    public static final String NOT_USED = "Language model not used";

    private static final Logger log = Logger.getLogger(LanguageModelDraftingEngine.class.getName());

    private final ChatCompletion chat;
    private final BuiltInDraftingEngine builtIn;
    private final DraftPrompt prompt;
    private final DraftAnswer answers;
    private final String engine;

    public LanguageModelDraftingEngine(ChatCompletion chat, BuiltInDraftingEngine builtIn) {
        this.chat = Objects.requireNonNull(chat);
        this.builtIn = Objects.requireNonNull(builtIn);
        this.prompt = new DraftPrompt(builtIn.taxonomy());
        this.answers = new DraftAnswer(builtIn.taxonomy());
        this.engine = "llm:" + chat.model();
    }

    /** The name drafts from the model carry, e.g. {@code llm:gpt-4o-mini}. */
    public String engine() {
        return engine;
    }

    @Override
    public DraftText draft(SourcePaper paper) {
        Objects.requireNonNull(paper, "paper");
        PaperText text = PaperText.read(paper);
        String answer;
        try {
            answer = chat.complete(prompt.systemMessage(), prompt.userMessage(text), prompt.jsonSchema());
        } catch (LanguageModelUnavailable e) {
            return fallBack(paper, "no answer from " + chat.model() + ": " + e.getMessage());
        }
        DraftAnswer.Outcome outcome = answers.read(answer, text, engine);
        if (!outcome.usable()) {
            return fallBack(paper, chat.model() + " gave no usable draft: " + outcome.rejected().reason());
        }
        return outcome.draft();
    }

    @Override
    public DraftText revise(SourcePaper paper, DraftText previous, Map<String, String> editedSections, String comment) {
        return builtIn.revise(paper, previous, editedSections, comment);
    }

    private DraftText fallBack(SourcePaper paper, String reason) {
        log.log(Level.WARNING, "{0} for {1}; using the built-in engine", new Object[] {reason, paper.id()});
        DraftText d = builtIn.draft(paper);
        List<String> flags = new ArrayList<>();
        flags.add(NOT_USED + " (" + reason + "): this is the built-in engine's draft");
        flags.addAll(d.editorFlags());
        return new DraftText(d.simpleExplanation(), d.studyDuration(), d.participants(), d.evidence(), d.keyFindings(),
                d.researchSummary(), d.practicalImplications(), d.limitations(), d.categories(), d.readability(),
                flags, d.engine(), d.changeNote());
    }
}
