package app.plainpaper.drafting.evidence;

import app.plainpaper.drafting.StudyDesign;

/**
 * Words that point to a study design, as found in the source.
 *
 * @param design   the design they point to
 * @param weight   how strongly: 3 for the paper naming its own design, 1 for a hint
 * @param words    the words as written
 * @param location "title", "publication type" or "sentence N"
 */
public record DesignCue(StudyDesign design, int weight, String words, String location) {
}
