package app.plainpaper.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code plainpaper.pipeline.*}: how failing records are retried, and how long health checks may take. */
@ConfigurationProperties("plainpaper.pipeline")
public record PipelineProperties(@DefaultValue Retry retry, @DefaultValue Health health) {

    /**
     * @param attempts retries of a failing record (after its first delivery) before it is dead-lettered
     * @param interval pause before each retry
     * @param outageMaxInterval while the registry or the broker is unavailable a record is retried without limit,
     *                          backing off from {@code interval} up to this
     */
    public record Retry(@DefaultValue("2") int attempts, @DefaultValue("200ms") Duration interval,
            @DefaultValue("10s") Duration outageMaxInterval) {

        public Retry {
            if (attempts < 0) {
                throw new IllegalArgumentException("plainpaper.pipeline.retry.attempts must be 0 or more, not " + attempts);
            }
        }
    }

    /** @param timeout how long the broker and the registry may take to answer a health check */
    public record Health(@DefaultValue("3s") Duration timeout) {
    }
}
