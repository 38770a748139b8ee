package app.plainpaper.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("plainpaper.pipeline")
public record PipelineProperties(Retry retry, Health health) {

    public PipelineProperties {
        retry = retry == null ? new Retry(2, Duration.ofMillis(200)) : retry;
        health = health == null ? new Health(Duration.ofSeconds(3)) : health;
    }

    /** Retries of a failing record before it is dead-lettered. */
    public record Retry(int attempts, Duration interval) {
    }

    public record Health(Duration timeout) {
    }
}
