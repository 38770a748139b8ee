package app.plainpaper.cli;

import app.plainpaper.cli.stack.DemoPassword;
import app.plainpaper.cli.stack.LocalStack;
import app.plainpaper.cli.stack.StackPart;
import app.plainpaper.cli.stack.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts the local stack: Kafka (KRaft, one node), the topics of ops/topics, the schema registry "
                + "and every service whose module exists, each as its own process (list: ops/stack).",
                "Builds the modules whose jar is missing first. Parts already running are left alone. "
                        + "Logs: $PLAINPAPER_HOME/logs, pids: $PLAINPAPER_HOME/run, reader mail (.eml files): "
                        + "$PLAINPAPER_HOME/mail (default .plainpaper/)."})
final class UpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-build", description = "Do not build: parts without a jar are left out.")
    boolean noBuild;

    @Option(names = "--no-startup-cache", description = "Run the exec jars as they are: no extraction, no AppCDS archive "
            + "($PLAINPAPER_HOME/apps, $PLAINPAPER_HOME/cds).")
    boolean noStartupCache;

    @Option(names = "--timeout", defaultValue = "240", paramLabel = "SECONDS",
            description = "How long to wait for each stage of services to become healthy (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = StackOptions.workspace();
        LocalStack.Settings settings = LocalStack.Settings.defaults().withBuild(!noBuild)
                .withServiceTimeout(Duration.ofSeconds(timeoutSeconds)).withStartupCache(!noStartupCache);
        LocalStack stack = StackOptions.stack(workspace, settings, out);
        String password = DemoPassword.resolve(System.getenv(), workspace.home());
        long start = System.nanoTime();
        if (!stack.up(password)) {
            out.println("plainpaper up did not complete; `./plainpaper status` shows what runs, `./plainpaper down` stops it.");
            return 1;
        }
        out.printf("%nPlainpaper is up (%.1f s).%n", (System.nanoTime() - start) / 1e9);
        printAddresses(out, stack.startedParts(), workspace, password,
                System.getenv(DemoPassword.VARIABLE) == null ? workspace.home().resolve("demo-password").toString() : null);
        return 0;
    }

    static void printAddresses(PrintWriter out, List<StackPart> running, Workspace workspace, String password, String passwordFile) {
        for (StackPart part : running) {
            switch (part.name()) {
                case "kafka" -> out.printf("  Kafka            localhost:%d%n", part.port());
                case "schema-registry" -> out.printf("  Schema registry  http://localhost:%d%n", part.port());
                case "editorial-desk" -> out.printf("  Editorial desk   http://localhost:%d%n", part.port());
                case "publishing" -> {
                    part.alsoServes().ifPresent(site -> out.printf("  Live site        http://localhost:%d%n", site));
                    out.printf("  Publishing       http://localhost:%d%n", part.port());
                    out.printf("  Reader mail      %s (one .eml file per mail, no SMTP server)%n", workspace.mail());
                }
                default -> out.printf("  %-16s http://localhost:%d%n", part.name(), part.port());
            }
        }
        out.println();
        out.println("  Demo logins: editor, clinician, admin");
        out.println("  Password:    " + password + (passwordFile == null ? " (from PLAINPAPER_DEMO_PASSWORD)"
                : " (kept in " + passwordFile + "; set PLAINPAPER_DEMO_PASSWORD to choose one)"));
    }
}
