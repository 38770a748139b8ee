package app.plainpaper.drafting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the engine's tab-separated data files (glossary, taxonomy, plain words...): lines starting with "#" and
 * the header line are skipped. A malformed line fails loudly with its file and line number.
 */
public final class DataFile {

    private DataFile() {
    }

    /** Rows of {@code columns} fields from a classpath resource next to this class. */
    public static List<String[]> rows(String name, int columns) {
        try (InputStream in = DataFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing data file app/plainpaper/drafting/" + name);
            }
            return rows(name, in, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String[]> rows(String name, InputStream in, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalStateException(name + " line " + number + ": expected " + columns
                        + " tab-separated fields, found " + fields.length);
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            rows.add(fields);
        }
        return rows;
    }
}
