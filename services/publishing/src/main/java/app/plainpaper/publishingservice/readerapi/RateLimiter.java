package app.plainpaper.publishingservice.readerapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} requests per client in each fixed window. Remembers at most {@code maxClients} clients (the
 * oldest windows go first), so a flood of addresses cannot exhaust memory; a forgotten client simply starts afresh.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    public RateLimiter(int limit, Duration window, int maxClients, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive count and window");
        }
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Empty if allowed; otherwise how long until the client may try again. */
    public synchronized Duration retryAfter(String client) {
        Instant now = clock.instant();
        Window current = windows.get(client);
        if (current == null || !now.isBefore(current.start.plus(window))) {
            windows.remove(client);
            current = new Window(now);
            windows.put(client, current);
            evict(now);
        }
        if (current.count >= limit) {
            return Duration.between(now, current.start.plus(window));
        }
        current.count++;
        return Duration.ZERO;
    }

    /** Windows are in order of their start: drop expired ones, and the oldest while there are too many. */
    private void evict(Instant now) {
        Iterator<Window> it = windows.values().iterator();
        while (it.hasNext()) {
            Window oldest = it.next();
            if (!now.isBefore(oldest.start.plus(window)) || windows.size() > maxClients) {
                it.remove();
            } else {
                break;
            }
        }
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
