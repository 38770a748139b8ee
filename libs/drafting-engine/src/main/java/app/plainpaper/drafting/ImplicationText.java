package app.plainpaper.drafting;

/** A titled paragraph describing what the research may mean; it describes, it never advises. */
public record ImplicationText(String title, String text) {
}
