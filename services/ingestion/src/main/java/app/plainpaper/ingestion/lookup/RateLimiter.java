package app.plainpaper.ingestion.lookup;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * At most {@code permits} requests in any window of {@code window} (NCBI: 3 a second without a key, 10 with one).
 * Each caller reserves the earliest slot that keeps the last {@code permits} grants a window apart, then waits for it
 * outside the lock. Time and waiting are injected so that tests run on a fake clock without sleeping.
 */
public final class RateLimiter {

    /** A monotonic clock in nanoseconds ({@code System::nanoTime} in production). */
    public interface Ticker {
        long nanos();
    }

    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    /** The last {@code permits} grant times, oldest first; never decreasing. */
    private final ArrayDeque<Long> grants = new ArrayDeque<>();

    public RateLimiter(int permits, Duration window, Ticker ticker, Sleeper sleeper) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    public static RateLimiter perSecond(int permits) {
        return new RateLimiter(permits, Duration.ofSeconds(1), System::nanoTime, REAL_SLEEP);
    }

    /** Blocks until this caller may send; returns the grant time (ticker nanos). */
    public long acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = ticker.nanos();
            slot = now;
            if (grants.size() == permits) {
                slot = Math.max(now, grants.pollFirst() + windowNanos);
            }
            grants.addLast(slot);
        }
        long wait = slot - ticker.nanos();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
        return slot;
    }

    public int permits() {
        return permits;
    }
}
