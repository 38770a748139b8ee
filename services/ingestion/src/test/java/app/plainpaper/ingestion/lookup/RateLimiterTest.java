package app.plainpaper.ingestion.lookup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limiter on a fake clock: waiting advances the clock instead of sleeping. */
class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    static final class FakeClock implements RateLimiter.Ticker, RateLimiter.Sleeper {
        final AtomicLong now = new AtomicLong();
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long nanos() {
            return now.get();
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now.addAndGet(duration.toNanos());
        }

        void advance(long nanos) {
            now.addAndGet(nanos);
        }
    }

    /** Sends one request that takes {@code latency} to answer; returns when it was granted. */
    static long request(RateLimiter limiter, FakeClock clock, long latency) throws InterruptedException {
        var permit = limiter.acquire();
        clock.advance(latency);
        limiter.release(permit);
        return permit.grantedAt();
    }

    @Test
    void threeASecondLetsABurstOfThreeThroughThenSpacesTheRest() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, Duration.ofSeconds(1), clock, clock);

        List<Long> grants = new ArrayList<>();
        List<RateLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(limiter.acquire());
        }
        held.forEach(limiter::release);
        for (int i = 0; i < 7; i++) {
            grants.add(request(limiter, clock, 0));
        }

        assertThat(held).extracting(RateLimiter.Permit::grantedAt).containsOnly(0L);
        assertThat(grants).containsExactly(SECOND, SECOND, SECOND, 2 * SECOND, 2 * SECOND, 2 * SECOND, 3 * SECOND);
        assertThat(clock.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aPermitComesBackOneWindowAfterItsAnswerSoSlowAnswersSpaceTheNextRequests() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(1, Duration.ofSeconds(1), clock, clock);

        long first = request(limiter, clock, 300_000_000L);
        long second = request(limiter, clock, 0);

        assertThat(first).isZero();
        assertThat(second).as("answer at 0.3 s, so usable again at 1.3 s").isEqualTo(1_300_000_000L);
    }

    @Test
    void noWaitWhenRequestsAreAlreadySlowerThanTheLimit() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, Duration.ofSeconds(1), clock, clock);

        for (int i = 0; i < 6; i++) {
            request(limiter, clock, 0);
            clock.advance(400_000_000L);
        }

        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void manyConcurrentCallersNeverHaveMoreThanThePermitsInAnyWindow() throws Exception {
        var clock = new FakeClock();
        var limiter = new RateLimiter(10, Duration.ofSeconds(1), clock, clock);
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        grants.add(request(limiter, clock, 1_000_000L));
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
        assertThat(mostWithinOneSecond(grants)).isLessThanOrEqualTo(10);
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
