package app.plainpaper.cli;

import app.plainpaper.topics.ProvisioningReport;
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Creates the topics of ops/topics that are missing and brings partitions and configs in line "
                + "(never deletes or shrinks). `up` does this by itself; the compose topic-init job runs this.")
final class TopicsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "${env:PLAINPAPER_KAFKA:-localhost:9092}",
            description = "Kafka to provision (default: ${DEFAULT-VALUE}, env PLAINPAPER_KAFKA).")
    String bootstrapServers;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Topic catalog to apply (default: ops/topics of the repository, else the one packaged in the jar).")
    Path file;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        TopicCatalog catalog = file != null ? TopicCatalog.load(file) : repositoryCatalog();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ProvisioningReport report = TopicProvisioner.provision(admin, catalog);
            report.created().forEach(t -> out.println("created   " + t));
            report.partitionsRaised().forEach(t -> out.println("partitions raised " + t));
            report.configsAltered().forEach(t -> out.println("configs set " + t));
            out.println(report.summary());
        }
        return 0;
    }

    private static TopicCatalog repositoryCatalog() {
        try {
            return TopicCatalog.load(StackOptions.workspace().topicsFile());
        } catch (IllegalStateException notInRepository) {
            return TopicCatalog.fromClasspath(); // e.g. in the compose topic-init container
        }
    }
}
