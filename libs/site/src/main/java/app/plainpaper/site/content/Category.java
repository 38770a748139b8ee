package app.plainpaper.site.content;

/** A research category; identified by its slug, shown by its name. */
public record Category(String slug, String name) implements Comparable<Category> {

    public Category {
        Slug.require(slug, "category slug");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
    }

    public static Category named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
        String trimmed = name.strip();
        return new Category(Slug.from(trimmed), trimmed);
    }

    @Override
    public int compareTo(Category other) {
        int byName = name.compareToIgnoreCase(other.name);
        return byName != 0 ? byName : slug.compareTo(other.slug);
    }
}
