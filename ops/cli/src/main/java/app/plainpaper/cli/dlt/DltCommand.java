package app.plainpaper.cli.dlt;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "dlt", mixinStandardHelpOptions = true,
        description = "Dead-lettered records: records a service could not process, on the *.dlt topics.",
        subcommands = {DltListCommand.class, DltReplayCommand.class})
public final class DltCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
