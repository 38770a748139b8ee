package app.plainpaper.drafting;

/**
 * The evidence level of a paper on a named scale. {@code level} is {@code null} when the scale does not grade
 * the design or the design is unknown; {@code reason} says why, quoting the words the design was read from.
 */
public record EvidenceAssessment(String scale, String level, StudyDesign design, String reason) {
}
