package app.plainpaper.ingestion.lookup;

import java.time.Duration;
import java.util.Arrays;

/**
 * At most {@code permits} requests in any window of {@code window} as the server sees them (NCBI: 3 a second
 * without a key, 10 with one). A request holds a permit from before it is sent until its answer is back; the permit
 * is usable again one window after that. A request reaches the server between its send and its answer, so any
 * {@code permits + 1} requests reach it at least a window apart, whatever the network or a busy machine delays.
 * Time and waiting are injected so that tests run on a fake clock without sleeping.
 */
public final class RateLimiter {

    /** A monotonic clock in nanoseconds ({@code System::nanoTime} in production). */
    public interface Ticker {
        long nanos();
    }

    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A held permit: give it back with {@link #release(Permit)} once the answer is in (or the request failed). */
    public record Permit(int index, long grantedAt) {
    }

    public static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final long windowNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    /** Per permit: from when it may be used again; IN_FLIGHT while its request runs. */
    private final long[] availableAt;

    public RateLimiter(int permits, Duration window, Ticker ticker, Sleeper sleeper) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.availableAt = new long[permits];
        Arrays.fill(availableAt, Long.MIN_VALUE);
    }

    public static RateLimiter perSecond(int permits) {
        return new RateLimiter(permits, Duration.ofSeconds(1), System::nanoTime, REAL_SLEEP);
    }

    /** Blocks until a permit is free. */
    public Permit acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = ticker.nanos();
                int earliest = 0;
                for (int i = 1; i < availableAt.length; i++) {
                    if (availableAt[i] < availableAt[earliest]) {
                        earliest = i;
                    }
                }
                if (availableAt[earliest] == IN_FLIGHT) {
                    wait(); // every permit is out: the next release wakes us
                    continue;
                }
                if (availableAt[earliest] <= now) {
                    availableAt[earliest] = IN_FLIGHT;
                    return new Permit(earliest, now);
                }
                wait = availableAt[earliest] - now;
            }
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** The answer is in: this permit may be used again one window from now. */
    public synchronized void release(Permit permit) {
        availableAt[permit.index()] = ticker.nanos() + windowNanos;
        notifyAll();
    }

    public int permits() {
        return availableAt.length;
    }
}
