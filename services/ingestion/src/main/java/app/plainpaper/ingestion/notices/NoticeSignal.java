package app.plainpaper.ingestion.notices;

import app.plainpaper.events.NoticeKind;

/**
 * One thing a source says about a paper after the fact.
 *
 * @param key    tells one notice from another of the same kind (the erratum's PMID or DOI)
 * @param detail for people: what the notice is and where it is
 */
public record NoticeSignal(NoticeKind kind, String key, String detail) {
}
