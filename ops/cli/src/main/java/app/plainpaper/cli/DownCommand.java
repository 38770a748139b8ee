package app.plainpaper.cli;

import app.plainpaper.cli.stack.LocalStack;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops every process of the local stack, services first and Kafka last: SIGTERM, then SIGKILL "
                + "after the grace period. Data in $PLAINPAPER_HOME/data stays.")
final class DownCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--grace", defaultValue = "20", paramLabel = "SECONDS",
            description = "Seconds a process gets to stop after SIGTERM (default: ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Override
    public Integer call() {
        LocalStack.Settings defaults = LocalStack.Settings.defaults();
        LocalStack.Settings settings = new LocalStack.Settings(false, defaults.buildCommand(), defaults.kafkaTimeout(),
                defaults.serviceTimeout(), Duration.ofSeconds(graceSeconds));
        StackOptions.stack(StackOptions.workspace(), settings, spec.commandLine().getOut()).down();
        return 0;
    }
}
