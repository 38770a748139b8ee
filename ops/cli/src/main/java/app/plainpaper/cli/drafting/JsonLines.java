package app.plainpaper.cli.drafting;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON-lines file record by record; a bad line is reported with its number and skipped. */
public final class JsonLines {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Handles one parsed record; throws {@link IllegalArgumentException} when the record is unusable. */
    public interface RecordHandler {
        void handle(int lineNumber, JsonNode record);
    }

    private JsonLines() {
    }

    /** @return the number of lines that failed */
    public static int read(Path file, PrintWriter err, RecordHandler handler) throws IOException {
        int failed = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode record = JSON.readTree(line);
                    if (!record.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    handler.handle(lineNumber, record);
                } catch (JacksonException e) {
                    failed++;
                    err.println(file + ":" + lineNumber + ": not valid JSON: " + e.getOriginalMessage());
                } catch (IllegalArgumentException | NullPointerException e) {
                    failed++;
                    err.println(file + ":" + lineNumber + ": skipped: " + e.getMessage());
                }
            }
        }
        err.flush();
        return failed;
    }
}
