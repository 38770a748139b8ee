package app.plainpaper.benchmarks;

import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Draft;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.compliance.DisclaimerRule;
import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.text.Readability;
import app.plainpaper.text.Sentences;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of drafting and checking one abstract, single-threaded; each call takes the next of the four abstracts.
 * {@link #baselineTextPass} is the minimal pass any engine makes (split sentences, score readability), so the other
 * figures can be read as ratios to it on whatever machine ran them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineBenchmarks {

    private BuiltInDraftingEngine engine;
    private Checks checks;
    private List<SourcePaper> papers;
    private Source[] sources;
    private Draft[] drafts;
    private String[] technical;
    private String[] plain;
    private int next;

    @Setup
    public void setUp() {
        engine = new BuiltInDraftingEngine();
        // As the services and ./plainpaper check run them: the engine's glossary is the reference for its glossary lines.
        checks = Checks.withDefaultPolicy().withDefinitions(app.plainpaper.reviewchecks.RevisionChecks.engineGlossary());
        // As ./plainpaper check does by default: the site attaches the policy's current disclaimer.
        String disclaimer = checks.policy().setting(DisclaimerRule.CURRENT_VERSION_SETTING, (String) null);
        papers = Corpus.papers();
        int n = papers.size();
        sources = new Source[n];
        drafts = new Draft[n];
        technical = new String[n];
        plain = new String[n];
        for (int i = 0; i < n; i++) {
            SourcePaper paper = papers.get(i);
            DraftText draft = engine.draft(paper);
            sources[i] = Corpus.source(paper);
            drafts[i] = Corpus.draft(draft, disclaimer);
            technical[i] = Corpus.technical(paper);
            plain[i] = Corpus.plain(draft);
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == papers.size() ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public void baselineTextPass(Blackhole bh) {
        String text = technical[nextIndex()];
        bh.consume(Sentences.split(text));
        bh.consume(Readability.of(text));
    }

    @Benchmark
    public DraftText draft() {
        return engine.draft(papers.get(nextIndex()));
    }

    @Benchmark
    public CheckReport checkDraft() {
        int i = nextIndex();
        return checks.check(drafts[i], sources[i]);
    }

    @Benchmark
    public CheckReport checkText() {
        int i = nextIndex();
        return checks.checkText(plain[i], technical[i]);
    }
}
