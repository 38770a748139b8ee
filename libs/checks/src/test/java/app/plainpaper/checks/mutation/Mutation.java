package app.plainpaper.checks.mutation;

/**
 * One deliberate error put into a clean plain text (or, for population, into its source).
 *
 * @param type      what kind of error
 * @param plain     the plain text after mutation
 * @param technical the technical text after mutation
 * @param start     start of the changed span in {@code plain} (for source mutations: 0)
 * @param end       end of the changed span in {@code plain}
 * @param what      what was changed, for reports
 */
public record Mutation(Type type, String plain, String technical, int start, int end, String what) {

    public enum Type { NUMBER, DIRECTION, NEGATION, ADVICE, POPULATION }
}
