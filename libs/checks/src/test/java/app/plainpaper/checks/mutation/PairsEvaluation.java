package app.plainpaper.checks.mutation;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Severity;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;
import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the checks on paired technical/plain texts: false blockers on the clean plain texts, and per
 * mutation type the share of mutations caught by a new blocker at the mutated sentence.
 *
 * <p>Run: {@code java ... PairsEvaluation /work/shared/data/pairs-dev.jsonl [out.md]} or the test
 * {@code PairsEvaluationTest}.
 */
public final class PairsEvaluation {

    /** The rule family expected to catch each mutation type. */
    static final Map<Mutation.Type, String> EXPECTED = Map.of(
            Mutation.Type.NUMBER, "accuracy.number", Mutation.Type.DIRECTION, "accuracy.direction",
            Mutation.Type.NEGATION, "accuracy.negation", Mutation.Type.ADVICE, "compliance.advice",
            Mutation.Type.POPULATION, "accuracy.population");

    public record Pair(String id, String technical, String plain) {
    }

    /**
     * Figures for one mutation type.
     *
     * @param applied              mutations made
     * @param caught               mutated texts with a new blocker (any rule) at the mutated sentence
     * @param caughtByExpectedRule of those, caught by the rule family expected for the type (true positives)
     * @param falseAlarms          sentences where that rule family blocks although nothing was changed there: on the
     *                             clean texts (once per text) and elsewhere in the mutated texts
     */
    public record TypeResult(int applied, int caught, int caughtByExpectedRule, int falseAlarms, List<String> misses) {
        public double recall() {
            return applied == 0 ? Double.NaN : (double) caught / applied;
        }

        /** Share of the expected rule family's blocked sentences that are the mutated ones. */
        public double precision() {
            int flagged = caughtByExpectedRule + falseAlarms;
            return flagged == 0 ? Double.NaN : (double) caughtByExpectedRule / flagged;
        }
    }

    public record Result(int texts, int textsWithFalseBlockers, int sentences, int falseBlockerSentences,
                         Map<Mutation.Type, TypeResult> byType, List<String> falseBlockers) {
        public double falseBlockerRate() {
            return (double) textsWithFalseBlockers / texts;
        }

        public String toMarkdown(String policyVersion, String dataPath) {
            StringBuilder sb = new StringBuilder();
            sb.append("Data: ").append(dataPath).append(" (").append(texts).append(" texts), policy version ")
                    .append(policyVersion).append("\n\n");
            sb.append("| mutation | applied | caught (new blocker at the sentence) | recall | by the expected rule | "
                    + "false alarms of that rule | precision of its blockers |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (Map.Entry<Mutation.Type, TypeResult> e : byType.entrySet()) {
                TypeResult r = e.getValue();
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %d | %.2f |%n",
                        e.getKey().name().toLowerCase(Locale.ROOT), r.applied(), r.caught(), r.recall(),
                        r.caughtByExpectedRule(), r.falseAlarms(), r.precision()));
            }
            sb.append(String.format(Locale.ROOT, "%nClean texts with at least one blocker: %d of %d (%.1f%%); "
                            + "sentences with a blocker: %d of %d (%.1f%%).%n", textsWithFalseBlockers, texts,
                    100.0 * falseBlockerRate(), falseBlockerSentences, sentences, 100.0 * falseBlockerSentences / sentences));
            if (!falseBlockers.isEmpty()) {
                sb.append("\nBlockers on clean texts:\n");
                falseBlockers.forEach(f -> sb.append("- ").append(f).append('\n'));
            }
            for (Map.Entry<Mutation.Type, TypeResult> e : byType.entrySet()) {
                if (!e.getValue().misses().isEmpty()) {
                    sb.append("\nMissed ").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(" mutations:\n");
                    e.getValue().misses().forEach(m -> sb.append("- ").append(m).append('\n'));
                }
            }
            return sb.toString();
        }
    }

    private PairsEvaluation() {
    }

    public static List<Pair> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Pair> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            out.add(new Pair(n.get("id").asText(), n.get("technical").asText(), n.get("plain").asText()));
        }
        return out;
    }

    /**
     * Our own drafts of the abstracts in {@code abstractsJsonl} (the format of abstracts-dev.jsonl), drafted by the
     * built-in engine, as pairs: the draft's prose (simple explanation, participants, key findings, research summary,
     * practical implications, limitations) is the plain text, the abstract (title and sections) the technical one.
     */
    public static List<Pair> drafts(Path abstractsJsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
        List<Pair> out = new ArrayList<>();
        for (String line : Files.readAllLines(abstractsJsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<SourceSection> sections = new ArrayList<>();
            if (n.hasNonNull("sections")) {
                for (JsonNode s : n.get("sections")) {
                    sections.add(new SourceSection(s.hasNonNull("label") ? s.get("label").asText() : null, s.path("text").asText("")));
                }
            }
            if (sections.isEmpty()) {
                sections.add(new SourceSection(null, n.path("abstract_text").asText("")));
            }
            out.add(draft(engine, n.get("id").asText(), n.path("title").asText(""), n.path("journal").asText(null),
                    n.hasNonNull("year") ? n.get("year").asInt() : null, sections));
        }
        return out;
    }

    /**
     * Our draft of one abstract as a pair, as {@link #drafts(Path)} makes it (the seam the held-out evaluation,
     * which reads its abstracts from other file formats, drafts through).
     */
    static Pair draft(BuiltInDraftingEngine engine, String id, String title, String journal, Integer year,
                      List<SourceSection> sections) {
        SourcePaper paper = new SourcePaper(id, title, journal, year, sections, List.of(), List.of(), List.of());
        DraftText d = engine.draft(paper);
        List<String> prose = new ArrayList<>();
        prose.add(d.simpleExplanation());
        if (d.participants() != null) {
            prose.add("Participants: " + d.participants());
        }
        d.keyFindings().forEach(k -> prose.add(k.text()));
        prose.add(d.researchSummary());
        d.practicalImplications().forEach(i -> prose.add(i.text()));
        prose.addAll(d.limitations());
        StringBuilder plain = new StringBuilder();
        for (String p : prose) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String t = p.strip();
            plain.append(plain.isEmpty() ? "" : " ").append(t).append(t.matches(".*[.!?]$") ? "" : ".");
        }
        StringBuilder technical = new StringBuilder(title.isBlank() ? "" : title.strip() + (title.strip().matches(".*[.!?]$") ? "" : ".") + "\n");
        sections.forEach(s -> technical.append(s.text()).append('\n'));
        return new Pair("draft:" + id, technical.toString(), plain.toString());
    }

    /** The engine's glossary as the checks' reference definitions, as production checks drafts. */
    static final List<app.plainpaper.checks.Definition> ENGINE_GLOSSARY = app.plainpaper.drafting.glossary.Glossary.builtIn()
            .entries().stream().map(e -> new app.plainpaper.checks.Definition(e.term(), e.forms(), e.explanation())).toList();

    public static Result evaluate(List<Pair> pairs, Checks given) {
        Checks checks = given.definitions().isEmpty() ? given.withDefinitions(ENGINE_GLOSSARY) : given;
        int withBlockers = 0;
        int sentences = 0;
        int blockerSentences = 0;
        List<String> falseBlockers = new ArrayList<>();
        Map<Mutation.Type, int[]> counts = new EnumMap<>(Mutation.Type.class);
        Map<Mutation.Type, List<String>> misses = new EnumMap<>(Mutation.Type.class);
        for (Mutation.Type t : Mutation.Type.values()) {
            counts.put(t, new int[4]);
            misses.put(t, new ArrayList<>());
        }
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            CheckReport clean = checks.checkText(p.plain(), p.technical());
            List<Sentence> cleanSentences = Sentences.split(p.plain());
            sentences += cleanSentences.size();
            if (clean.hasBlockers()) {
                withBlockers++;
                blockerSentences += (int) clean.blockers().stream().map(f -> sentenceAt(cleanSentences, f.start())).distinct().count();
                clean.blockers().forEach(f -> falseBlockers.add(p.id() + ": " + f.ruleId() + ": " + f.message()
                        + " [" + p.plain().substring(f.start(), f.end()) + "]"));
            }
            for (Mutation.Type t : Mutation.Type.values()) {
                counts.get(t)[3] += (int) clean.blockers().stream().filter(f -> f.ruleId().startsWith(EXPECTED.get(t)))
                        .map(f -> sentenceAt(cleanSentences, f.start())).distinct().count();
            }
            for (Mutation m : Mutations.all(p.plain(), p.technical(), i)) {
                int[] c = counts.get(m.type());
                c[0]++;
                CheckReport mutated = checks.checkText(m.plain(), m.technical());
                List<CheckFinding> fresh = newBlockers(clean, p.plain(), mutated, m);
                if (!fresh.isEmpty()) {
                    c[1]++;
                    if (fresh.stream().anyMatch(f -> f.ruleId().startsWith(EXPECTED.get(m.type())))) {
                        c[2]++;
                    }
                } else {
                    misses.get(m.type()).add(p.id() + ": " + m.what() + " in \"" + sentenceText(m) + "\"");
                }
                c[3] += spilled(clean, p.plain(), mutated, m);
            }
        }
        Map<Mutation.Type, TypeResult> byType = new EnumMap<>(Mutation.Type.class);
        counts.forEach((t, c) -> byType.put(t, new TypeResult(c[0], c[1], c[2], c[3], misses.get(t))));
        return new Result(pairs.size(), withBlockers, sentences, blockerSentences, byType, falseBlockers);
    }

    /** Sentences away from the mutation where the expected rule family blocks in the mutated text but not in the clean one. */
    static int spilled(CheckReport clean, String cleanPlain, CheckReport mutated, Mutation m) {
        if (m.type() == Mutation.Type.POPULATION) {
            return 0; // the source changed: every new population blocker is about the mutation
        }
        String family = EXPECTED.get(m.type());
        List<Sentence> mutatedSentences = Sentences.split(m.plain());
        List<Sentence> cleanSentences = Sentences.split(cleanPlain);
        int target = sentenceAt(mutatedSentences, m.start());
        Set<String> before = Set.copyOf(clean.blockers().stream().filter(f -> f.ruleId().startsWith(family))
                .map(f -> textAt(cleanSentences, f.start())).toList());
        return (int) mutated.blockers().stream().filter(f -> f.ruleId().startsWith(family))
                .filter(f -> sentenceAt(mutatedSentences, f.start()) != target)
                .map(f -> textAt(mutatedSentences, f.start())).filter(t -> !before.contains(t)).distinct().count();
    }

    private static String textAt(List<Sentence> sentences, int offset) {
        for (Sentence s : sentences) {
            if (offset >= s.start() && offset < s.end()) {
                return s.text();
            }
        }
        return "";
    }

    /** Blockers of the mutated text at the mutated sentence that the clean text did not have there. */
    static List<CheckFinding> newBlockers(CheckReport clean, String cleanPlain, CheckReport mutated, Mutation m) {
        List<CheckFinding> blockers = mutated.blockers();
        if (m.type() == Mutation.Type.POPULATION) {
            // the source changed: any population blocker the clean text did not have
            Set<String> before = Set.copyOf(clean.byRule("accuracy.population").stream()
                    .filter(f -> f.severity() == Severity.BLOCKER).map(CheckFinding::message).toList());
            return blockers.stream().filter(f -> f.ruleId().startsWith("accuracy.population") && !before.contains(f.message())).toList();
        }
        List<Sentence> mutatedSentences = Sentences.split(m.plain());
        int target = sentenceAt(mutatedSentences, m.start());
        List<Sentence> cleanSentences = Sentences.split(cleanPlain);
        int cleanTarget = m.type() == Mutation.Type.ADVICE ? -1 : sentenceAt(cleanSentences, m.start());
        Set<String> cleanRulesThere = Set.copyOf(clean.blockers().stream()
                .filter(f -> sentenceAt(cleanSentences, f.start()) == cleanTarget).map(CheckFinding::ruleId).toList());
        return blockers.stream()
                .filter(f -> sentenceAt(mutatedSentences, f.start()) == target && !cleanRulesThere.contains(f.ruleId()))
                .toList();
    }

    private static int sentenceAt(List<Sentence> sentences, int offset) {
        for (Sentence s : sentences) {
            if (offset >= s.start() && offset < s.end()) {
                return s.index();
            }
        }
        return -1;
    }

    private static String sentenceText(Mutation m) {
        if (m.type() == Mutation.Type.POPULATION) {
            return m.technical().substring(0, Math.min(120, m.technical().length())) + "...";
        }
        for (Sentence s : Sentences.split(m.plain())) {
            if (m.start() >= s.start() && m.start() < s.end()) {
                return s.text();
            }
        }
        return "";
    }

    /**
     * {@code PairsEvaluation <pairs.jsonl> [abstracts.jsonl] [out.md] [policy.json]}: the human summaries of the
     * pairs, our drafts of the abstracts, and both together.
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : PairsEvaluationTest.DATA.toString());
        Path abstracts = Path.of(args.length > 1 ? args[1] : PairsEvaluationTest.ABSTRACTS.toString());
        if (!Files.exists(data) || !Files.exists(abstracts)) {
            System.out.println("skipped: " + data + " or " + abstracts + " not found (the shared dev data is not on this machine)");
            return;
        }
        Checks checks = args.length > 3
                ? new Checks(app.plainpaper.checks.policy.PolicyLoader.load(Path.of(args[3])))
                : Checks.withDefaultPolicy();
        String md = report(checks, data, abstracts);
        System.out.println(md);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), md);
        }
    }

    /** The three tables (human summaries, our drafts, both) as Markdown. */
    static String report(Checks checks, Path pairsFile, Path abstractsFile) throws IOException {
        List<Pair> humans = read(pairsFile);
        List<Pair> drafts = drafts(abstractsFile);
        List<Pair> both = new ArrayList<>(humans);
        both.addAll(drafts);
        String v = checks.policy().version();
        return "## Human summaries\n\n" + evaluate(humans, checks).toMarkdown(v, pairsFile.toString())
                + "\n## Our drafts\n\n" + evaluate(drafts, checks).toMarkdown(v, abstractsFile + " drafted by the built-in engine")
                + "\n## Both\n\n" + evaluate(both, checks).toMarkdown(v, "both");
    }
}
