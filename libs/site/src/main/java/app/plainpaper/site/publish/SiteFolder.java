package app.plainpaper.site.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A site root on disk that is replaced atomically:
 * <pre>
 * siteRoot/
 *   releases/&lt;content-hash&gt;/...   complete sites, never changed after they appear
 *   current -&gt; releases/&lt;hash&gt;     symlink, swapped with one rename(2)
 * </pre>
 * A new release is written to a staging folder, synced, and renamed into {@code releases/} only when complete; then
 * {@code current} is swapped. A reader that resolves {@code current} once ({@code toRealPath()}) and reads
 * everything from the resolved folder sees exactly one release. Old releases are pruned, but never one that
 * stopped being current less than {@code retireGrace} ago, so readers still in it are not cut off.
 */
public final class SiteFolder {

    public static final String CURRENT = "current";
    public static final String RELEASES = "releases";
    public static final int DEFAULT_KEEP = 3;
    public static final Duration DEFAULT_RETIRE_GRACE = Duration.ofMinutes(5);

    private static final String STAGING_PREFIX = ".staging-";
    private static final String LOCK_FILE = ".publish.lock";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    /** One publisher at a time in this JVM; the file lock covers other processes. */
    private static final Object JVM_LOCK = new Object();

    /** The release that is current after a publish; {@code changed} is false when it already was. */
    public record Release(String id, Path directory, boolean changed) {
    }

    private final Path root;
    private final int keep;
    private final Duration retireGrace;
    private final Clock clock;

    public SiteFolder(Path root) {
        this(root, DEFAULT_KEEP, DEFAULT_RETIRE_GRACE, Clock.systemUTC());
    }

    /**
     * @param keep        releases to keep, the current one included (at least 1)
     * @param retireGrace how long a replaced release stays for readers still in it, whatever {@code keep} says
     */
    public SiteFolder(Path root, int keep, Duration retireGrace, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        this.root = root.toAbsolutePath().normalize();
        this.keep = keep;
        this.retireGrace = retireGrace;
        this.clock = clock;
    }

    /** Publishes with the default policy (keep 3 releases, 5 minutes' grace). */
    public static Release publish(Path siteRoot, Map<String, byte[]> files) {
        return new SiteFolder(siteRoot).publish(files);
    }

    /**
     * Writes {@code files} (relative paths such as {@code research/x/index.html}) as a new release and makes it
     * current.
     *
     * @throws IllegalArgumentException for a path that is absolute, has "." or ".." segments or unsafe names
     */
    public Release publish(Map<String, byte[]> files) {
        TreeMap<String, byte[]> sorted = new TreeMap<>(files);
        sorted.keySet().forEach(SiteFolder::checkPath);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("refusing to publish an empty site");
        }
        String id = contentHash(sorted);
        try {
            Files.createDirectories(root.resolve(RELEASES));
            synchronized (JVM_LOCK) {
                try (FileChannel lockChannel = FileChannel.open(root.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockChannel.lock()) {
                    return publishLocked(id, sorted);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("publishing release " + id + " to " + root + " failed", e);
        }
    }

    /** The folder {@code current} points at, if anything was published. */
    public Optional<Path> current() {
        Path link = root.resolve(CURRENT);
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + link, e);
        }
    }

    private Release publishLocked(String id, TreeMap<String, byte[]> files) throws IOException {
        Path releases = root.resolve(RELEASES);
        removeLeftoverStaging(releases);
        Path release = releases.resolve(id);
        if (!Files.isDirectory(release, LinkOption.NOFOLLOW_LINKS)) {
            Path staging = releases.resolve(STAGING_PREFIX + id + "-" + UUID.randomUUID());
            Files.createDirectory(staging);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                writeDurably(staging.resolve(e.getKey()), e.getValue());
            }
            syncDirectory(staging);
            // Complete or absent: the release name only ever appears by this rename.
            Files.move(staging, release, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(releases);
        }
        Path link = root.resolve(CURRENT);
        Optional<Path> previous = current();
        Path releaseReal = release.toRealPath();
        boolean changed = previous.map(p -> !p.equals(releaseReal)).orElse(true);
        Instant now = clock.instant();
        if (changed) {
            Files.setLastModifiedTime(release, FileTime.from(now));
            swap(link, Path.of(RELEASES, id));
            // The previous release's mtime now records when it was retired, which the grace period counts from.
            if (previous.isPresent() && Files.isDirectory(previous.get())) {
                Files.setLastModifiedTime(previous.get(), FileTime.from(now));
            }
        }
        prune(releases, release, now);
        return new Release(id, release, changed);
    }

    private void swap(Path link, Path target) throws IOException {
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new IOException(link + " exists and is not a symlink; move it away before publishing");
        }
        Path temporary = root.resolve("." + CURRENT + "-" + UUID.randomUUID());
        Files.createSymbolicLink(temporary, target);
        try {
            // rename(2) replaces the old link in one step: a reader sees the old target or the new one.
            Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncDirectory(root);
    }

    private void prune(Path releases, Path current, Instant now) throws IOException {
        List<Path> others = new ArrayList<>();
        try (Stream<Path> list = Files.list(releases)) {
            list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(current))
                    .forEach(others::add);
        }
        others.sort(Comparator.comparing(SiteFolder::modified).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = keep - 1; i < others.size(); i++) {
            Path old = others.get(i);
            if (modified(old).plus(retireGrace).isAfter(now)) {
                continue; // retired recently: a reader may still be in it
            }
            deleteTree(old);
        }
    }

    private static void removeLeftoverStaging(Path releases) throws IOException {
        // We hold the publish lock, so any staging folder belongs to a publisher that died.
        try (Stream<Path> list = Files.list(releases)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteTree(p);
            }
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("duplicate path " + file, e);
        }
    }

    /** fsync a directory so a rename in it survives a crash; a no-op where the platform can't. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system lets a directory be opened or synced; the data itself is already synced.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative site path: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("unsafe segment '" + segment + "' in site path '" + path + "'");
            }
        }
    }

    /** SHA-256 over sorted (path, length, bytes); first 20 hex digits name the release. */
    static String contentHash(TreeMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer length = ByteBuffer.allocate(Long.BYTES);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                length.clear();
                length.putLong(e.getValue().length);
                digest.update(length.array());
                digest.update(e.getValue());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
