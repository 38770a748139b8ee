package app.plainpaper.checks.mutation;

import app.plainpaper.checks.Checks;
import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.SourceSection;
import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.bibtex.BibtexParser;
import app.plainpaper.formats.crossref.CrossrefWorkParser;
import app.plainpaper.formats.jats.JatsXmlParser;
import app.plainpaper.formats.medline.MedlineParser;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.formats.ris.RisParser;
import app.plainpaper.text.Sentences;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mutation suite on held-out texts: our drafts of the real abstracts in the shared {@code formats/} files
 * (PubMed EFetch XML, JATS, MEDLINE, RIS, BibTeX, Crossref JSON) that are not in the dev sets. The detectors are
 * tuned on the dev sets (pairs-dev, abstracts-dev); this measures whether that tuning carries over to texts the tuning
 * never saw. Same drafting ({@link PairsEvaluation#draft}), same mutation operators and the same counting
 * ({@link PairsEvaluation#evaluate}) as the dev evaluation, so the figures compare.
 *
 * <p>Run: the test {@code HeldOutMutationEvaluationTest} (writes target/checks-heldout.md), or
 * {@code HeldOutMutationEvaluation <formats dir> <abstracts-dev.jsonl> <pairs-dev.jsonl> [out.md] [policy.json]}.
 */
public final class HeldOutMutationEvaluation {

    /** Abstracts shorter than this give the operators too little to work on (and the engine too little to draft). */
    static final int MIN_SENTENCES = 3;

    /** A kept abstract: an id (DOI, else PMID, else the file and position), the file it was read from, its length. */
    public record HeldOutPaper(String id, String file, ParsedPaper paper, int sentences) {
    }

    /** What was kept, and every record left out with the reason. */
    public record Selection(List<HeldOutPaper> kept, List<String> dropped, int recordsRead) {
    }

    private HeldOutMutationEvaluation() {
    }

    /**
     * Reads every format directory under {@code formatsDir} with our parsers, drops records without an abstract of
     * {@link #MIN_SENTENCES} sentences and those of the dev sets (same DOI, PMID or title), and keeps one record per
     * paper (the longest abstract) where several files hold the same paper.
     */
    public static Selection select(Path formatsDir, Path abstractsDev, Path pairsDev) throws IOException {
        Set<String> dev = devKeys(abstractsDev, pairsDev);
        List<String> dropped = new ArrayList<>();
        List<HeldOutPaper> candidates = new ArrayList<>();
        int read = 0;
        for (Path file : files(formatsDir)) {
            String name = formatsDir.relativize(file).toString();
            List<ParsedRecord> records;
            try {
                records = parse(file);
            } catch (RejectedFileException e) {
                dropped.add(name + ": file rejected by the parser (" + e.getMessage() + ")");
                continue;
            }
            if (records == null) {
                dropped.add(name + ": not read (not a file our parsers read, e.g. an HTTP recording in YAML)");
                continue;
            }
            for (ParsedRecord r : records) {
                read++;
                if (r instanceof ParsedRecord.Rejected rejected) {
                    dropped.add(name + " #" + r.position() + " (" + rejected.identifier() + "): " + rejected.reason());
                    continue;
                }
                ParsedPaper p = ((ParsedRecord.Paper) r).paper();
                String id = p.doi() != null ? "doi:" + p.doi() : p.pmid() != null ? "pmid:" + p.pmid() : name + "#" + r.position();
                if (keys(p.doi(), p.pmid(), p.title()).stream().anyMatch(dev::contains)) {
                    dropped.add(name + " #" + r.position() + " (" + id + "): in the dev sets");
                    continue;
                }
                int sentences = p.abstractSections().stream().mapToInt(s -> Sentences.split(s.text()).size()).sum();
                if (sentences < MIN_SENTENCES) {
                    dropped.add(name + " #" + r.position() + " (" + id + "): abstract of " + sentences + " sentence(s)");
                    continue;
                }
                candidates.add(new HeldOutPaper(id, name, p, sentences));
            }
        }
        // one record per paper: the longest abstract wins, the others are dropped as copies
        List<HeldOutPaper> byLength = new ArrayList<>(candidates);
        byLength.sort(Comparator.comparingInt((HeldOutPaper h) -> h.paper().abstractText().length()).reversed());
        Set<String> seen = new HashSet<>();
        Set<HeldOutPaper> copies = new HashSet<>();
        for (HeldOutPaper h : byLength) {
            Set<String> k = keys(h.paper().doi(), h.paper().pmid(), h.paper().title());
            if (k.stream().anyMatch(seen::contains)) {
                copies.add(h);
                dropped.add(h.file() + " (" + h.id() + "): a copy of a longer record of the same paper in another file");
            }
            seen.addAll(k);
        }
        List<HeldOutPaper> kept = candidates.stream().filter(h -> !copies.contains(h)).toList();
        return new Selection(kept, dropped, read);
    }

    /** Our drafts of the kept abstracts, drafted exactly as the dev evaluation drafts abstracts-dev. */
    public static List<PairsEvaluation.Pair> drafts(Selection selection) {
        BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
        List<PairsEvaluation.Pair> out = new ArrayList<>();
        for (HeldOutPaper h : selection.kept()) {
            ParsedPaper p = h.paper();
            List<SourceSection> sections = p.abstractSections().stream()
                    .map(s -> new SourceSection(s.label(), s.text())).toList();
            out.add(PairsEvaluation.draft(engine, h.id(), p.title() == null ? "" : p.title(), p.journal(),
                    p.publicationDate() == null ? null : p.publicationDate().year(), new ArrayList<>(sections)));
        }
        return out;
    }

    /** The report: the set (kept and dropped records), then the dev evaluation's table and lists of misses. */
    public static String report(Selection selection, PairsEvaluation.Result result, String policyVersion, Path formatsDir) {
        StringBuilder sb = new StringBuilder("# Held-out mutation evaluation\n\n");
        sb.append(String.format(Locale.ROOT, "Our drafts (built-in engine) of %d real abstracts from %s that are not in the "
                        + "dev sets; %d records read, %d left out.%n%n", selection.kept().size(), formatsDir,
                selection.recordsRead(), selection.recordsRead() - selection.kept().size()));
        sb.append("| mutation | applied |\n|---|---|\n");
        result.byType().forEach((t, r) -> sb.append("| ").append(t.name().toLowerCase(Locale.ROOT)).append(" | ")
                .append(r.applied()).append(r.applied() < 10 ? " (fewer than 10: a rough figure)" : "").append(" |\n"));
        sb.append("\n## Figures\n\n").append(result.toMarkdown(policyVersion, "held-out drafts"));
        sb.append("\n## Texts\n\n");
        selection.kept().forEach(h -> sb.append("- ").append(h.id()).append(" (").append(h.file()).append(", ")
                .append(h.sentences()).append(" sentences): ").append(h.paper().title()).append('\n'));
        sb.append("\nLeft out:\n");
        selection.dropped().forEach(d -> sb.append("- ").append(d).append('\n'));
        return sb.toString();
    }

    /** The parser for a file, by the directory it is in (the formats/ layout); null for a file no parser reads. */
    private static List<ParsedRecord> parse(Path file) throws IOException {
        String format = file.getParent().getFileName().toString();
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return switch (format) {
                case "pubmed-efetch-xml" -> new PubmedXmlParser().parse(in);
                case "jats-xml" -> new JatsXmlParser().parse(in);
                case "medline-nbib" -> new MedlineParser().parse(in);
                case "ris" -> new RisParser().parse(in);
                case "bibtex" -> new BibtexParser().parse(in);
                case "crossref-json" -> name.endsWith(".json") ? new CrossrefWorkParser().parse(in) : null;
                default -> null;
            };
        }
    }

    private static List<Path> files(Path formatsDir) throws IOException {
        try (Stream<Path> walk = Files.walk(formatsDir, 2)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(formatsDir)).sorted().toList();
        }
    }

    /** DOIs, PMIDs and titles of the dev abstracts, and the DOIs of the dev pairs' Cochrane reviews. */
    static Set<String> devKeys(Path abstractsDev, Path pairsDev) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(abstractsDev)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                out.addAll(keys(n.path("doi").asText(null), n.path("pmid").asText(null), n.path("title").asText(null)));
            }
        }
        for (PairsEvaluation.Pair p : PairsEvaluation.read(pairsDev)) {
            out.addAll(keys(p.id().replaceFirst("^cochrane:", ""), null, null));
        }
        return out;
    }

    /** Keys a paper is known by: DOI (lower case, no resolver prefix), PMID, title reduced to letters and digits. */
    static Set<String> keys(String doi, String pmid, String title) {
        Set<String> out = new HashSet<>();
        if (doi != null && !doi.isBlank()) {
            out.add("doi:" + doi.strip().toLowerCase(Locale.ROOT).replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:)", ""));
        }
        if (pmid != null && !pmid.isBlank()) {
            out.add("pmid:" + pmid.strip());
        }
        if (title != null) {
            String t = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
            if (t.length() >= 20) {
                out.add("title:" + t);
            }
        }
        return out;
    }

    /** {@code HeldOutMutationEvaluation <formats dir> <abstracts-dev.jsonl> <pairs-dev.jsonl> [out.md] [policy.json]}. */
    public static void main(String[] args) throws IOException {
        Path formats = Path.of(args.length > 0 ? args[0] : HeldOutMutationEvaluationTest.FORMATS.toString());
        Path abstracts = Path.of(args.length > 1 ? args[1] : PairsEvaluationTest.ABSTRACTS.toString());
        Path pairs = Path.of(args.length > 2 ? args[2] : PairsEvaluationTest.DATA.toString());
        if (!Files.isDirectory(formats) || !Files.exists(abstracts) || !Files.exists(pairs)) {
            System.out.println("skipped: " + formats + ", " + abstracts + " or " + pairs + " not found (the shared data is not on this machine)");
            return;
        }
        Checks checks = args.length > 4
                ? new Checks(app.plainpaper.checks.policy.PolicyLoader.load(Path.of(args[4])))
                : Checks.withDefaultPolicy();
        Selection selection = select(formats, abstracts, pairs);
        PairsEvaluation.Result result = PairsEvaluation.evaluate(drafts(selection), checks);
        String md = report(selection, result, checks.policy().version(), formats);
        System.out.println(md);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), md);
        }
    }

    /** Number of mutations applied per type, for a one-line summary. */
    static String applied(PairsEvaluation.Result result) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Mutation.Type, PairsEvaluation.TypeResult> e : result.byType().entrySet()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(e.getValue().applied());
        }
        return sb.toString();
    }
}
