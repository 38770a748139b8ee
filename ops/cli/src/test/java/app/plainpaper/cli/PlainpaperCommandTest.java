package app.plainpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PlainpaperCommandTest {

    @Test
    void everySubcommandHasHelpWithADescription() {
        List<List<String>> paths = new ArrayList<>();
        collect(PlainpaperCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).contains(List.of("up"), List.of("down"), List.of("status"), List.of("topics"),
                List.of("dlt"), List.of("dlt", "list"), List.of("dlt", "replay"));

        for (List<String> path : paths) {
            if (path.get(path.size() - 1).equals("help")) {
                continue;
            }
            CommandLine cli = PlainpaperCommand.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            List<String> args = new ArrayList<>(path);
            args.add("--help");

            int code = cli.execute(args.toArray(String[]::new));

            assertThat(code).as(String.join(" ", path)).isZero();
            assertThat(out.toString()).as(String.join(" ", path))
                    .startsWith("Usage: plainpaper " + String.join(" ", path))
                    .contains("-h, --help", "-V, --version");
            CommandLine sub = cli;
            for (String name : path) {
                sub = sub.getSubcommands().get(name);
            }
            assertThat(sub.getCommandSpec().usageMessage().description()).as(String.join(" ", path)).isNotEmpty();
        }
    }

    @Test
    void withoutASubcommandItPrintsUsage() {
        CommandLine cli = PlainpaperCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute()).isZero();
        assertThat(out.toString()).contains("Commands:", "up", "down", "status", "dlt");
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> into) {
        cli.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            into.add(path);
            collect(sub, path, into);
        });
    }
}
