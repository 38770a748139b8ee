package app.plainpaper.ingestion.searches;

import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.lookup.EutilsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchesConfiguration {

    @Bean
    SavedSearches savedSearches(KafkaTemplate<Object, Object> kafka, ConsumerFactory<?, ?> consumers) {
        var searches = new SavedSearches(kafka);
        searches.rebuild(consumers.getConfigurationProperties(), Duration.ofSeconds(60));
        return searches;
    }

    @Bean
    SearchRun searchRun(EutilsClient pubmed, PaperIntake intake, SavedSearches searches, Clock clock,
                        @Value("${plainpaper.ingestion.searches.first-window-days:30}") int firstWindowDays,
                        @Value("${plainpaper.ingestion.searches.max-per-run:500}") int maxPerRun,
                        @Value("${plainpaper.ingestion.searches.batch-size:200}") int batchSize) {
        return new SearchRun(pubmed, intake, searches, clock, firstWindowDays, maxPerRun, batchSize);
    }

    @Bean
    @ConditionalOnProperty(name = "plainpaper.ingestion.searches.scheduled", havingValue = "true", matchIfMissing = true)
    DueSearches dueSearches(SavedSearches searches, SearchRun runner, Clock clock) {
        return new DueSearches(searches, runner, clock);
    }

    /** Every tick, runs the searches whose interval has passed. */
    static class DueSearches {

        private static final Logger log = LoggerFactory.getLogger(DueSearches.class);

        private final SavedSearches searches;
        private final SearchRun runner;
        private final Clock clock;

        DueSearches(SavedSearches searches, SearchRun runner, Clock clock) {
            this.searches = searches;
            this.runner = runner;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${plainpaper.ingestion.searches.tick:PT1M}",
                initialDelayString = "${plainpaper.ingestion.searches.initial-delay:PT1M}")
        void runDue() {
            for (var search : searches.all()) {
                if (SearchRun.due(search, clock.instant())) {
                    try {
                        runner.run(search.getSearchId());
                    } catch (RuntimeException e) {
                        log.warn("Saved search {} failed: {}", search.getSearchId(), e.toString());
                    }
                }
            }
        }
    }
}
