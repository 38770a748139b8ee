package app.plainpaper.ingestion.paper;

import java.util.List;

/** A paper that cannot be accepted, with every reason found. */
public class InvalidPaper extends RuntimeException {

    private final List<String> problems;

    public InvalidPaper(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
