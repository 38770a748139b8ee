package app.plainpaper.cli.dlt;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Shows every dead-lettered record, one a line: where it is, the topic/partition/offset it came "
                + "from, the exception and our reason; records replayed already are marked [replayed].")
final class DltListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "${env:PLAINPAPER_KAFKA:-localhost:9092}",
            description = "Kafka (default: ${DEFAULT-VALUE}, env PLAINPAPER_KAFKA).")
    String bootstrapServers;

    @Option(names = {"-t", "--topic"}, description = "Only this dead-letter topic (default: every *.dlt topic).")
    String topic;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        DeadLetterTopics dlt = new DeadLetterTopics(bootstrapServers);
        List<DeadLetterTopics.Listed> listed = dlt.list(dlt.topics(Optional.ofNullable(topic)));
        for (DeadLetterTopics.Listed entry : listed) {
            out.println(entry.deadLetter().describe() + (entry.replayed() ? "  [replayed]" : ""));
        }
        long waiting = listed.stream().filter(l -> !l.replayed()).count();
        out.println(listed.size() + " dead-lettered, " + waiting + " not replayed");
        return 0;
    }
}
