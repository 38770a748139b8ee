package app.plainpaper.checks;

import java.util.List;

/**
 * Facts about a draft that are not prose.
 *
 * @param categories         site categories
 * @param disclaimerAttached whether the site's medical disclaimer is attached
 * @param disclaimerVersion  version of the attached disclaimer, or null
 * @param evidenceDesign     design the evidence level is based on, or null
 */
public record DraftMetadata(List<String> categories, boolean disclaimerAttached, String disclaimerVersion,
                            StudyDesign evidenceDesign) {

    public DraftMetadata {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
