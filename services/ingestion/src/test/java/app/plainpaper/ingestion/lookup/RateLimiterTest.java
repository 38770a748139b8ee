package app.plainpaper.ingestion.lookup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limiter on a fake clock: waiting advances the clock instead of sleeping. */
class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    static final class FakeClock implements RateLimiter.Ticker, RateLimiter.Sleeper {
        long now;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now += duration.toNanos();
        }
    }

    @Test
    void threeASecondLetsABurstOfThreeThroughThenSpacesTheRest() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, Duration.ofSeconds(1), clock, clock);

        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            grants.add(limiter.acquire());
        }

        assertThat(grants).containsExactly(0L, 0L, 0L, SECOND, SECOND, SECOND, 2 * SECOND, 2 * SECOND, 2 * SECOND, 3 * SECOND);
        assertThat(clock.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
        assertThat(mostWithinOneSecond(grants)).isEqualTo(3);
    }

    @Test
    void noWaitWhenRequestsAreAlreadySlowerThanTheLimit() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, Duration.ofSeconds(1), clock, clock);

        for (int i = 0; i < 6; i++) {
            limiter.acquire();
            clock.now += 400_000_000L;
        }

        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aRequestJustInsideTheWindowWaitsOnlyForTheRest() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, Duration.ofSeconds(1), clock, clock);
        limiter.acquire();
        clock.now += 100_000_000L;
        limiter.acquire();
        limiter.acquire();
        clock.now += 300_000_000L;

        long fourth = limiter.acquire();

        assertThat(fourth).isEqualTo(SECOND);
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(600));
    }

    @Test
    void concurrentCallersNeverShareASlot() throws Exception {
        var clock = new FakeClock();
        // Callers do not sleep here: each reserves its slot and the test checks the reservations.
        var limiter = new RateLimiter(10, Duration.ofSeconds(1), clock, d -> { });
        List<Long> grants = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        grants.add(limiter.acquire());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(grants).hasSize(200);
        assertThat(mostWithinOneSecond(grants)).isEqualTo(10);
    }

    @Test
    void atLeastOnePermit() {
        assertThatThrownBy(() -> RateLimiter.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static int mostWithinOneSecond(List<Long> grants) {
        long[] times = grants.stream().mapToLong(Long::longValue).sorted().toArray();
        int most = 0;
        for (int i = 0, j = 0; j < times.length; j++) {
            while (times[j] - times[i] >= SECOND) {
                i++;
            }
            most = Math.max(most, j - i + 1);
        }
        return most;
    }
}
