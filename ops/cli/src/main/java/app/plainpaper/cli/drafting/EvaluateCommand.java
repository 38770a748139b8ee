package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.drafting.SourcePaper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code ./plainpaper evaluate}: drafts every record of a file and prints the figures, per draft and overall.
 * Each line is read as an abstract record or as a pair ({@code technical}, {@code plain}); pairs are drafted from
 * {@code technical} and set beside the human {@code plain} summary.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Drafts abstract records or technical/plain pairs (JSON lines) with the built-in engine and prints the figures:",
                "Flesch-Kincaid grade and sentence length of the Simple Explanation, near copies of source sentences,",
                "numbers not in the source, key findings without a source sentence, participants/duration filled.",
                "Pairs are compared with the human plain summary. Exit code 1 if any line failed."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "Abstract records or pairs, one JSON object a line.")
    Path in;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("no such file: " + in);
        }
        DraftingEngine engine = new BuiltInDraftingEngine();
        Map<String, DraftFigures> abstracts = new LinkedHashMap<>();
        Map<String, PairFigures> pairs = new LinkedHashMap<>();
        PrintWriter out = spec.commandLine().getOut();
        int failed = JsonLines.read(in, spec.commandLine().getErr(), (lineNumber, record) -> {
            String id = AbstractRecord.text(record, "id");
            String key = id == null ? "line " + lineNumber : id;
            if (record.has("technical") && record.has("plain")) {
                String technical = required(record, "technical");
                String plain = required(record, "plain");
                DraftText draft = engine.draft(SourcePaper.unstructured(id, "", null, null, technical));
                pairs.put(key, PairFigures.of(DraftFigures.of(draft, "", technical), technical, plain));
            } else if (AbstractRecord.looksLikeOne(record)) {
                SourcePaper paper = AbstractRecord.toPaper(record);
                DraftText draft = engine.draft(paper);
                abstracts.put(key, DraftFigures.of(draft, paper.title(), AbstractRecord.abstractText(paper)));
            } else {
                throw new IllegalArgumentException(
                        "neither an abstract record (title, sections/abstract_text) nor a pair (technical, plain)");
            }
        });
        if (!abstracts.isEmpty()) {
            printAbstracts(out, abstracts);
        }
        if (!pairs.isEmpty()) {
            if (!abstracts.isEmpty()) {
                out.println();
            }
            printPairs(out, pairs);
        }
        if (abstracts.isEmpty() && pairs.isEmpty()) {
            out.println("No records evaluated.");
        }
        if (failed > 0) {
            out.println(failed + " lines failed (see stderr)");
        }
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    private static String required(JsonNode record, String field) {
        String text = AbstractRecord.text(record, field);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        return text;
    }

    static void printAbstracts(PrintWriter out, Map<String, DraftFigures> drafts) {
        Table t = new Table("id", "FK grade", "words/sent", "near copies", "numbers not in source",
                "findings w/o source", "participants", "duration");
        drafts.forEach((id, f) -> t.row(id, fmt(f.grade()), fmt(f.meanSentenceLength()),
                f.nearCopies() + "/" + f.sentences(), String.valueOf(f.unsupportedNumbers().size()),
                f.findingsWithoutSource() + "/" + f.findings(), yesNo(f.participantsFilled()),
                yesNo(f.durationFilled())));
        t.print(out);
        List<DraftFigures> all = new ArrayList<>(drafts.values());
        int sentences = all.stream().mapToInt(DraftFigures::sentences).sum();
        int copies = all.stream().mapToInt(DraftFigures::nearCopies).sum();
        out.println();
        out.println("Simple Explanation, " + all.size() + " drafts:");
        Table s = new Table("figure", "value");
        s.row("Flesch-Kincaid grade, median", fmt(median(all, DraftFigures::grade)));
        s.row("Flesch-Kincaid grade, max", fmt(max(all, DraftFigures::grade)));
        s.row("mean sentence length (words), mean", fmt(mean(all, DraftFigures::meanSentenceLength)));
        s.row("near-copy sentences (>80% words in one source sentence)",
                copies + "/" + sentences + " (" + percent(copies, sentences) + ")");
        s.row("numbers in the draft not in the source (must be 0)",
                String.valueOf(all.stream().mapToInt(f -> f.unsupportedNumbers().size()).sum()));
        s.row("key findings without a source sentence", all.stream().mapToInt(DraftFigures::findingsWithoutSource).sum()
                + "/" + all.stream().mapToInt(DraftFigures::findings).sum());
        long participants = all.stream().filter(DraftFigures::participantsFilled).count();
        long duration = all.stream().filter(DraftFigures::durationFilled).count();
        s.row("participants filled", participants + "/" + all.size());
        s.row("study duration filled", duration + "/" + all.size());
        s.print(out);
        drafts.forEach((id, f) -> {
            if (!f.unsupportedNumbers().isEmpty()) {
                out.println("numbers not in the source, " + id + ": " + String.join(", ", f.unsupportedNumbers()));
            }
        });
    }

    static void printPairs(PrintWriter out, Map<String, PairFigures> pairs) {
        Table t = new Table("id", "FK ours", "FK human", "words/sent ours", "words/sent human",
                "numbers not in source ours", "numbers not in source human");
        pairs.forEach((id, p) -> t.row(id, fmt(p.ours().grade()), fmt(p.humanGrade()),
                fmt(p.ours().meanSentenceLength()), fmt(p.humanMeanSentenceLength()),
                String.valueOf(p.ours().unsupportedNumbers().size()), String.valueOf(p.humanUnsupportedNumbers())));
        t.print(out);
        List<PairFigures> all = new ArrayList<>(pairs.values());
        List<DraftFigures> ours = all.stream().map(PairFigures::ours).toList();
        out.println();
        out.println("Our draft (Simple Explanation) vs the human plain summary, " + all.size() + " pairs:");
        Table s = new Table("figure", "ours", "human");
        s.row("Flesch-Kincaid grade, median", fmt(median(ours, DraftFigures::grade)),
                fmt(median(all, PairFigures::humanGrade)));
        s.row("Flesch-Kincaid grade, max", fmt(max(ours, DraftFigures::grade)), fmt(max(all, PairFigures::humanGrade)));
        s.row("mean sentence length (words), mean", fmt(mean(ours, DraftFigures::meanSentenceLength)),
                fmt(mean(all, PairFigures::humanMeanSentenceLength)));
        s.row("numbers not in the technical text, total",
                String.valueOf(ours.stream().mapToInt(f -> f.unsupportedNumbers().size()).sum()),
                String.valueOf(all.stream().mapToInt(PairFigures::humanUnsupportedNumbers).sum()));
        int sentences = ours.stream().mapToInt(DraftFigures::sentences).sum();
        int copies = ours.stream().mapToInt(DraftFigures::nearCopies).sum();
        s.row("near-copy sentences", copies + "/" + sentences + " (" + percent(copies, sentences) + ")", "-");
        s.print(out);
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static <T> double max(List<T> items, ToDoubleFunction<T> f) {
        return items.stream().mapToDouble(f).max().orElse(0);
    }

    static <T> double mean(List<T> items, ToDoubleFunction<T> f) {
        return items.stream().mapToDouble(f).average().orElse(0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** A plain text table: columns padded to their widest cell. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void print(PrintWriter out) {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < columns; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (int n = 0; n < rows.size(); n++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", rows.get(n)[i]));
                }
                out.println(line.toString().stripTrailing());
                if (n == 0) {
                    StringBuilder rule = new StringBuilder();
                    for (int i = 0; i < columns; i++) {
                        rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                    }
                    out.println(rule);
                }
            }
        }
    }
}
