package app.plainpaper.pipeline.stage;

import app.plainpaper.pipeline.UnprocessableEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test stage should do wrong, per summary id, and how often it was asked to process each one. */
public class Mishaps {

    public enum Kind { NONE, FAIL_ONCE, FAIL_ALWAYS, UNPROCESSABLE }

    private final Map<String, Kind> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public void plan(String summaryId, Kind kind) {
        planned.put(summaryId, kind);
    }

    public int attempts(String summaryId) {
        AtomicInteger count = attempts.get(summaryId);
        return count == null ? 0 : count.get();
    }

    /** Called after the stage has sent its output: throws as planned, so that the send must be rolled back. */
    void strike(String summaryId) {
        int attempt = attempts.computeIfAbsent(summaryId, id -> new AtomicInteger()).incrementAndGet();
        switch (planned.getOrDefault(summaryId, Kind.NONE)) {
            case FAIL_ONCE -> {
                if (attempt == 1) {
                    throw new IllegalStateException("Planned failure on attempt 1 of " + summaryId);
                }
            }
            case FAIL_ALWAYS -> throw new IllegalStateException("Planned failure on attempt " + attempt + " of " + summaryId);
            case UNPROCESSABLE -> throw new UnprocessableEvent("Summary " + summaryId + " cannot be drafted by design");
            case NONE -> {
            }
        }
    }
}
