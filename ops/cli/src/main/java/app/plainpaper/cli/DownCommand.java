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

    @Option(names = "--grace", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds a process gets to stop after SIGTERM (default: ${DEFAULT-VALUE}); a service's "
                    + "first stop also writes its AppCDS archive.")
    int graceSeconds;

    @Override
    public Integer call() {
        LocalStack.Settings settings = LocalStack.Settings.defaults().withStopGrace(Duration.ofSeconds(graceSeconds));
        StackOptions.stack(StackOptions.workspace(), settings, spec.commandLine().getOut()).down();
        return 0;
    }
}
