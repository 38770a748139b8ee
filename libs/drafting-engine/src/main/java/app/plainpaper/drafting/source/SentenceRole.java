package app.plainpaper.drafting.source;

/** What a sentence of an abstract does, from its section heading or, when unlabelled, from its wording. */
public enum SentenceRole {
    BACKGROUND, OBJECTIVE, DESIGN, METHODS, RESULTS, CONCLUSIONS
}
