package app.plainpaper.site.content;

/**
 * How strong the study's evidence is, e.g. scale "Oxford CEBM 2011", level "2", design "Randomised controlled trial".
 * Every part may be null; the page shows "Not specified" when there is no level.
 */
public record EvidenceLevel(String scale, String level, String designLabel, String reason) {
}
