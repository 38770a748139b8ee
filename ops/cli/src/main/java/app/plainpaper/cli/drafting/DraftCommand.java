package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.drafting.SourcePaper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./plainpaper draft}: drafts every abstract of a JSON-lines file with the built-in engine, offline. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Drafts plain-language summaries of abstract records (JSON lines) with the built-in engine.",
                "Needs no running service. Bad lines are reported with their number and skipped; the exit code is 1 if any failed."})
public final class DraftCommand implements Callable<Integer> {

    enum Format { json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "Abstract records, one JSON object a line.")
    Path in;

    @Option(names = "--out", required = true, description = "Where to write the drafts.")
    Path out;

    @Option(names = "--format", defaultValue = "json",
            description = "json (one object a line: id, source, draft) or markdown (for people). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("no such file: " + in);
        }
        DraftingEngine engine = new BuiltInDraftingEngine();
        PrintWriter err = spec.commandLine().getErr();
        int[] written = {0};
        int failed;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            failed = JsonLines.read(in, err, (lineNumber, record) -> {
                SourcePaper paper = AbstractRecord.toPaper(record);
                DraftText draft = engine.draft(paper);
                String id = AbstractRecord.text(record, "id");
                try {
                    if (format == Format.markdown) {
                        writer.write(DraftMarkdown.of(id, paper, draft));
                        writer.write("---\n\n");
                    } else {
                        ObjectNode line = JsonLines.JSON.createObjectNode();
                        line.put("id", id);
                        line.set("source", record);
                        line.set("draft", DraftJson.of(draft));
                        writer.write(JsonLines.JSON.writeValueAsString(line));
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                written[0]++;
            });
        }
        err.println("plainpaper draft: " + written[0] + " drafts written to " + out
                + (failed > 0 ? ", " + failed + " lines failed" : ""));
        err.flush();
        return failed > 0 ? 1 : 0;
    }
}
