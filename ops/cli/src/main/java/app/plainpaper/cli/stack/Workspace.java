package app.plainpaper.cli.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where things are: the repository (ops/stack, ops/topics, module jars) and the local data folder
 * ({@code .plainpaper/} in the repository unless {@code PLAINPAPER_HOME} says otherwise) with
 * {@code data/}, {@code logs/}, {@code run/} (pid files) and {@code mail/} (reader mail, as .eml files).
 */
public record Workspace(Path repo, Path home) {

    public static final String HOME_VARIABLE = "PLAINPAPER_HOME";
    public static final String REPO_PROPERTY = "plainpaper.repo";

    public Workspace {
        repo = repo.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
    }

    /** The repository from -Dplainpaper.repo (set by ./plainpaper), else the nearest folder upwards holding ops/stack. */
    public static Workspace locate(Map<String, String> env) {
        Path repo = Optional.ofNullable(System.getProperty(REPO_PROPERTY)).map(Path::of)
                .orElseGet(() -> findRepoFrom(Path.of("").toAbsolutePath()));
        Path home = Optional.ofNullable(env.get(HOME_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(repo.resolve(".plainpaper"));
        return new Workspace(repo, home);
    }

    private static Path findRepoFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ops/stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Plainpaper repository (a folder with ops/stack) from " + start
                + "; run ./plainpaper from the repository");
    }

    public Path stackFile() {
        return repo.resolve("ops/stack");
    }

    public Path topicsFile() {
        return repo.resolve("ops/topics");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path data() {
        return home.resolve("data");
    }

    /** Where the services write the mail they would send (no SMTP server in the local stack). */
    public Path mail() {
        return home.resolve("mail");
    }

    public Path logFile(String part) {
        return logs().resolve(part + ".log");
    }

    public Path dataDir(String part) {
        return data().resolve(part);
    }

    public Path module(StackPart part) {
        return repo.resolve(part.module());
    }
}
