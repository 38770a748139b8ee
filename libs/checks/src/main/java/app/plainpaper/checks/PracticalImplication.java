package app.plainpaper.checks;

/** A practical implication in a draft: a short title and its explanation. */
public record PracticalImplication(String title, String text) {
}
