package app.plainpaper.formats;

/** One record of a file: a paper, or a rejection with its reason. Position is 1-based within the file. */
public sealed interface ParsedRecord {

    int position();

    record Paper(int position, ParsedPaper paper) implements ParsedRecord {
    }

    record Rejected(int position, String identifier, String reason) implements ParsedRecord {
    }
}
