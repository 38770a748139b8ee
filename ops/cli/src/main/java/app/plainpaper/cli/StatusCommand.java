package app.plainpaper.cli;

import app.plainpaper.cli.stack.LocalStack;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each part of the local stack: pid, port, resident memory and health. "
                + "Exit code 0 when every part present in the repository is healthy, 3 otherwise.")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LocalStack.PartStatus> statuses = StackOptions.stack(StackOptions.workspace(), LocalStack.Settings.defaults(),
                out).status();
        out.printf("%-17s %-8s %-11s %-8s %s%n", "PART", "PID", "PORT", "RSS", "STATE");
        for (LocalStack.PartStatus status : statuses) {
            String ports = status.part().port() + status.part().alsoServes().stream()
                    .mapToObj(p -> "," + p).reduce("", String::concat);
            out.printf("%-17s %-8s %-11s %-8s %s%n", status.part().name(),
                    status.pid().map(String::valueOf).orElse("-"), ports,
                    status.rssKilobytes().map(kb -> (kb / 1024) + "M").orElse("-"), status.state());
        }
        boolean allHealthy = statuses.stream().filter(LocalStack.PartStatus::present)
                .allMatch(s -> s.health().map(h -> h.up()).orElse(false));
        return allHealthy ? 0 : 3;
    }
}
