package app.plainpaper.checks.mutation;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Severity;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;
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

    public record TypeResult(int applied, int caught, int caughtByExpectedRule, List<String> misses) {
        public double recall() {
            return applied == 0 ? Double.NaN : (double) caught / applied;
        }
    }

    public record Result(int texts, int textsWithFalseBlockers, int sentences, int falseBlockerSentences,
                         Map<Mutation.Type, TypeResult> byType, List<String> falseBlockers) {
        public double falseBlockerRate() {
            return (double) textsWithFalseBlockers / texts;
        }

        public String toMarkdown(String policyVersion, String dataPath) {
            StringBuilder sb = new StringBuilder();
            sb.append("Data: ").append(dataPath).append(" (").append(texts).append(" pairs), policy version ")
                    .append(policyVersion).append("\n\n");
            sb.append("| mutation | applied | caught (new blocker at the sentence) | recall | by the expected rule |\n");
            sb.append("|---|---|---|---|---|\n");
            for (Map.Entry<Mutation.Type, TypeResult> e : byType.entrySet()) {
                TypeResult r = e.getValue();
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %d |%n", e.getKey().name().toLowerCase(Locale.ROOT),
                        r.applied(), r.caught(), r.recall(), r.caughtByExpectedRule()));
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

    public static Result evaluate(List<Pair> pairs, Checks checks) {
        int withBlockers = 0;
        int sentences = 0;
        int blockerSentences = 0;
        List<String> falseBlockers = new ArrayList<>();
        Map<Mutation.Type, int[]> counts = new EnumMap<>(Mutation.Type.class);
        Map<Mutation.Type, List<String>> misses = new EnumMap<>(Mutation.Type.class);
        for (Mutation.Type t : Mutation.Type.values()) {
            counts.put(t, new int[3]);
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
                clean.blockers().forEach(f -> falseBlockers.add(p.id() + ": " + f.ruleId() + ": " + f.message()));
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
            }
        }
        Map<Mutation.Type, TypeResult> byType = new EnumMap<>(Mutation.Type.class);
        counts.forEach((t, c) -> byType.put(t, new TypeResult(c[0], c[1], c[2], misses.get(t))));
        return new Result(pairs.size(), withBlockers, sentences, blockerSentences, byType, falseBlockers);
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

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : PairsEvaluationTest.DATA.toString());
        if (!Files.exists(data)) {
            System.out.println("skipped: " + data + " not found (the shared dev data is not on this machine)");
            return;
        }
        Checks checks = args.length > 2
                ? new Checks(app.plainpaper.checks.policy.PolicyLoader.load(Path.of(args[2])))
                : Checks.withDefaultPolicy();
        Result r = evaluate(read(data), checks);
        String md = r.toMarkdown(checks.policy().version(), data.toString());
        System.out.println(md);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), md);
        }
    }
}
