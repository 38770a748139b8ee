package app.plainpaper.site.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteFolderTest {

    private static final int FILES_PER_RELEASE = 12;

    @TempDir
    Path root;

    @Test
    void publishWritesAReleaseAndPointsCurrentAtIt() throws IOException {
        SiteFolder.Release release = SiteFolder.publish(root, generation(1));
        Path current = root.resolve(SiteFolder.CURRENT);
        assertThat(Files.isSymbolicLink(current)).isTrue();
        assertThat(Files.readSymbolicLink(current)).isEqualTo(Path.of(SiteFolder.RELEASES, release.id()));
        assertThat(release.directory()).isEqualTo(root.resolve(SiteFolder.RELEASES).resolve(release.id()));
        assertThat(release.changed()).isTrue();
        assertThat(Files.readString(current.resolve("dir/file-2.html"))).isEqualTo("generation 1 file 2");
        assertThat(new SiteFolder(root).current()).contains(release.directory().toRealPath());
    }

    @Test
    void publishingTheSameContentAgainChangesNothing() {
        SiteFolder.Release first = SiteFolder.publish(root, generation(1));
        SiteFolder.Release again = SiteFolder.publish(root, generation(1));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.changed()).isFalse();
        SiteFolder.Release other = SiteFolder.publish(root, generation(2));
        assertThat(other.id()).isNotEqualTo(first.id());
        // Rolling back to known content reuses the release folder.
        SiteFolder.Release back = SiteFolder.publish(root, generation(1));
        assertThat(back.id()).isEqualTo(first.id());
        assertThat(back.changed()).isTrue();
    }

    @Test
    void unsafePathsAreRefused() {
        for (String bad : List.of("../escape.html", "/absolute.html", "a/../b.html", "a//b.html", "a\\b.html",
                ".hidden", "a/./b", "")) {
            assertThatThrownBy(() -> SiteFolder.publish(root, Map.of(bad, new byte[] {1}))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SiteFolder.publish(root, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve(SiteFolder.CURRENT)).doesNotExist();
    }

    @Test
    void oldReleasesArePrunedOnceTheirGracePeriodIsOver() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        SiteFolder folder = new SiteFolder(root, 2, Duration.ofMinutes(5), clock);
        List<String> ids = new ArrayList<>();
        for (int g = 1; g <= 4; g++) {
            ids.add(folder.publish(generation(g)).id());
        }
        // All retired within the grace period: nothing deleted yet.
        assertThat(releaseNames()).containsExactlyInAnyOrderElementsOf(ids);

        clock.advance(Duration.ofMinutes(10));
        ids.add(folder.publish(generation(5)).id());
        // Keep 2: the current one and the one retired last.
        assertThat(releaseNames()).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
        assertThat(Files.readString(root.resolve("current/dir/file-0.html"))).isEqualTo("generation 5 file 0");
    }

    @Test
    void leftoverStagingFromACrashedPublishIsCleanedUp() throws IOException {
        Path releases = Files.createDirectories(root.resolve(SiteFolder.RELEASES));
        Path leftover = Files.createDirectories(releases.resolve(".staging-dead-1/dir"));
        Files.writeString(leftover.resolve("half.html"), "half");
        SiteFolder.publish(root, generation(1));
        assertThat(releases.resolve(".staging-dead-1")).doesNotExist();
        assertThat(releaseNames()).hasSize(1);
    }

    @Test
    void aRealDirectoryNamedCurrentIsNotReplaced() throws IOException {
        Files.createDirectories(root.resolve(SiteFolder.CURRENT));
        assertThatThrownBy(() -> SiteFolder.publish(root, generation(1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage(root.resolve(SiteFolder.CURRENT)
                        + " exists and is not a symlink; move it away before publishing");
    }

    @Test
    void readersNeverSeeAMixOfTwoReleases() throws Exception {
        SiteFolder folder = new SiteFolder(root);
        folder.publish(generation(0));
        AtomicBoolean done = new AtomicBoolean();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger reads = new AtomicInteger();
        List<String> problems = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    Path release = root.resolve(SiteFolder.CURRENT).toRealPath(); // resolve once per read
                    Set<Integer> generations = new java.util.HashSet<>();
                    int files = 0;
                    try (Stream<Path> walk = Files.walk(release)) {
                        for (Path file : walk.filter(Files::isRegularFile).toList()) {
                            String text = Files.readString(file, StandardCharsets.UTF_8);
                            generations.add(Integer.parseInt(text.split(" ")[1]));
                            files++;
                        }
                    }
                    if (files != FILES_PER_RELEASE || generations.size() != 1) {
                        problems.add("saw " + files + " files from generations " + generations);
                    }
                    seen.addAll(generations);
                    reads.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    problems.add(e.toString());
                }
            }
        }, "site-reader");
        reader.start();
        int generation = 1;
        // Bounded: stop once the reader has caught several different releases, or after 400 publishes.
        while (generation <= 400 && (seen.size() < 5 || reads.get() < 50)) {
            folder.publish(generation(generation++));
        }
        done.set(true);
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(problems).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
        assertThat(reads.get()).isGreaterThanOrEqualTo(50);
    }

    private List<String> releaseNames() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve(SiteFolder.RELEASES))) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Every file says which generation it belongs to. */
    private static Map<String, byte[]> generation(int g) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < FILES_PER_RELEASE; i++) {
            String path = i % 2 == 0 ? "dir/file-" + i + ".html" : "file-" + i + ".txt";
            files.put(path, ("generation " + g + " file " + i).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
