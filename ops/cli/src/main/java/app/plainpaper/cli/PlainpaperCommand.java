package app.plainpaper.cli;

import app.plainpaper.cli.dlt.DltCommand;
import app.plainpaper.cli.drafting.DraftCommand;
import app.plainpaper.cli.drafting.EvaluateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./plainpaper}: one class per subcommand. */
@Command(name = "plainpaper", mixinStandardHelpOptions = true, version = "plainpaper 0.1.0-SNAPSHOT",
        description = "Runs and looks after the Plainpaper stack on this machine.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, TopicsCommand.class, DltCommand.class,
                DraftCommand.class, EvaluateCommand.class, app.plainpaper.cli.checking.CheckCommand.class,
                app.plainpaper.cli.site.SiteCommand.class, IngestCommand.class,
                CommandLine.HelpCommand.class})
public final class PlainpaperCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The Kafka clients log connection retries at WARN while the broker starts; only errors matter here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new PlainpaperCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("plainpaper: " + e.getMessage());
            return 1;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
