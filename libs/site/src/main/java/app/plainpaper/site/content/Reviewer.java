package app.plainpaper.site.content;

/** The medical reviewer who signed off a summary, e.g. ("Jane Doe", "MD, PhD"). */
public record Reviewer(String name, String credentials) {

    public Reviewer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("reviewer name must not be blank");
        }
    }

    /** "Jane Doe, MD" or just "Jane Doe". */
    public String display() {
        return credentials == null || credentials.isBlank() ? name : name + ", " + credentials;
    }
}
