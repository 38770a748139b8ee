package app.plainpaper.cli.site;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "site", mixinStandardHelpOptions = true,
        description = "The public site that the publishing service renders and serves on port 8080.",
        subcommands = {SiteRebuildCommand.class})
public final class SiteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
