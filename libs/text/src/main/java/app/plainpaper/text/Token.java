package app.plainpaper.text;

/**
 * A word-like token: letters and digits with inner hyphens, apostrophes, dots or slashes
 * ("non-serious", "TNF-α", "IL-6", "3.5", "mg/kg").
 *
 * @param text  the token as written
 * @param start offset in the text
 * @param end   offset just past the token (exclusive)
 */
public record Token(String text, int start, int end) {

    /** Lower-cased text, for comparisons. */
    public String normalized() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the token contains at least one letter. */
    public boolean hasLetter() {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
