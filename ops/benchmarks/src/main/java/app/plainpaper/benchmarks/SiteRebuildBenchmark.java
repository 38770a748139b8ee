package app.plainpaper.benchmarks;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.publish.SiteFolder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A full rebuild of the site: {@link SiteRenderer#render} of N distinct published summaries, then
 * {@link SiteFolder#publish} into a new site root (staging folder, every file synced, atomic rename, symlink swap).
 * Baseline, in the same run: writing the same files (same paths, same bytes) into a new folder, each one synced as
 * SiteFolder does, with no rendering and no release machinery. 1 warm-up, then 3 measured runs of each, alternated.
 *
 * <p>Run from the repository root:
 * {@code java -Xmx3g -cp ops/benchmarks/target/benchmarks.jar app.plainpaper.benchmarks.SiteRebuildBenchmark [summaries] [runs]}
 */
public final class SiteRebuildBenchmark {

    private SiteRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<PublishedSummary> summaries = SiteCorpus.summaries(count);
        Path dir = Files.createTempDirectory("plainpaper-rebuild-");
        try {
            System.out.printf(Locale.ROOT, "%s: %d summaries; load %s%n", Instant.now(), count,
                    SiteServingBenchmark.loadAverage());
            SortedMap<String, byte[]> files = SiteRenderer.render(summaries, SiteCorpus.settings());
            long bytes = files.values().stream().mapToLong(b -> b.length).sum();
            int pages = (int) files.keySet().stream().filter(p -> p.endsWith(".html")).count();
            System.out.printf(Locale.ROOT, "%d files (%d HTML pages), %.1f MB%n", files.size(), pages, bytes / 1e6);

            // Warm-up: one of each, not measured.
            rebuild(summaries, dir.resolve("warm-site"));
            baseline(files, dir.resolve("warm-plain"));
            SiteServingBenchmark.deleteTree(dir.resolve("warm-site"));
            SiteServingBenchmark.deleteTree(dir.resolve("warm-plain"));

            List<double[]> ours = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path site = dir.resolve("site-" + i);
                Path folder = dir.resolve("plain-" + i);
                double[] r = rebuild(summaries, site);
                double b = baseline(files, folder);
                ours.add(r);
                plain.add(b);
                System.out.printf(Locale.ROOT, "run %d: rebuild %.2f s (render %.2f s + publish %.2f s), baseline %.2f s; load %s%n",
                        i + 1, r[0] + r[1], r[0], r[1], b, SiteServingBenchmark.loadAverage());
                SiteServingBenchmark.deleteTree(site);
                SiteServingBenchmark.deleteTree(folder);
            }
            double total = median(ours.stream().map(r -> r[0] + r[1]).toList());
            double render = median(ours.stream().map(r -> r[0]).toList());
            double publish = median(ours.stream().map(r -> r[1]).toList());
            double base = median(plain);
            System.out.printf(Locale.ROOT, "%n| Step (median of %d) | Seconds | Pages/s | Ratio to baseline |%n", runs);
            System.out.printf(Locale.ROOT, "|---|---|---|---|%n");
            System.out.printf(Locale.ROOT, "| Baseline: write the same %,d files, %.1f MB, each synced | %.2f | %,.0f | 1 |%n",
                    files.size(), bytes / 1e6, base, pages / base);
            System.out.printf(Locale.ROOT, "| Full rebuild: render + publish | %.2f | %,.0f | %.2f |%n",
                    total, pages / total, total / base);
            System.out.printf(Locale.ROOT, "| of which render (SiteRenderer) | %.2f | %,.0f | %.2f |%n",
                    render, pages / render, render / base);
            System.out.printf(Locale.ROOT, "| of which publish (SiteFolder) | %.2f | %,.0f | %.2f |%n",
                    publish, pages / publish, publish / base);
        } finally {
            SiteServingBenchmark.deleteTree(dir);
        }
    }

    /** Seconds to render, seconds to publish. */
    private static double[] rebuild(List<PublishedSummary> summaries, Path root) {
        long start = System.nanoTime();
        SortedMap<String, byte[]> files = SiteRenderer.render(summaries, SiteCorpus.settings());
        long rendered = System.nanoTime();
        SiteFolder.publish(root, files);
        long published = System.nanoTime();
        return new double[] {(rendered - start) / 1e9, (published - rendered) / 1e9};
    }

    private static double baseline(Map<String, byte[]> files, Path root) throws IOException {
        long start = System.nanoTime();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(e.getValue());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
