package app.plainpaper.cli.dlt;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Sends each dead-lettered record not replayed yet back to its original topic: key and value "
                + "unchanged, headers without the dead-letter ones.",
                "Each record is replayed once: the position is committed for consumer group "
                        + DeadLetterTopics.REPLAY_GROUP + ". The records stay on the dead-letter topic."})
final class DltReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "${env:PLAINPAPER_KAFKA:-localhost:9092}",
            description = "Kafka (default: ${DEFAULT-VALUE}, env PLAINPAPER_KAFKA).")
    String bootstrapServers;

    @Option(names = {"-t", "--topic"}, description = "Only this dead-letter topic (default: every *.dlt topic).")
    String topic;

    @Option(names = "--dry-run", description = "Show what would be replayed; send and commit nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        DeadLetterTopics dlt = new DeadLetterTopics(bootstrapServers);
        DeadLetterTopics.ReplayReport report = dlt.replay(dlt.topics(Optional.ofNullable(topic)), dryRun, out::println);
        out.println((dryRun ? "would replay " : "replayed ") + report.replayed().size() + ", skipped "
                + report.skipped().size());
        report.skipped().forEach(s -> out.println("  skipped " + s));
        return 0;
    }
}
