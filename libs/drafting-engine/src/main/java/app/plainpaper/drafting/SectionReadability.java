package app.plainpaper.drafting;

/** Readability of one section of a draft. */
public record SectionReadability(String section, double fleschKincaidGrade, double meanSentenceLength, int words) {
}
