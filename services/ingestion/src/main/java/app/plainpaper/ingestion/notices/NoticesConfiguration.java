package app.plainpaper.ingestion.notices;

import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.lookup.CrossrefClient;
import app.plainpaper.ingestion.lookup.EutilsClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NoticesConfiguration {

    @Bean
    Recheck recheck(PaperIntake intake, EutilsClient pubmed, CrossrefClient crossref,
                    @Value("${plainpaper.ingestion.recheck.batch-size:200}") int batchSize) {
        return new Recheck(intake, pubmed, crossref, batchSize);
    }

    @Bean
    @ConditionalOnProperty(name = "plainpaper.ingestion.recheck.scheduled", havingValue = "true", matchIfMissing = true)
    ScheduledRecheck scheduledRecheck(Recheck recheck) {
        return new ScheduledRecheck(recheck);
    }

    static class ScheduledRecheck {
        private final Recheck recheck;

        ScheduledRecheck(Recheck recheck) {
            this.recheck = recheck;
        }

        @Scheduled(fixedDelayString = "${plainpaper.ingestion.recheck.interval:PT24H}",
                initialDelayString = "${plainpaper.ingestion.recheck.initial-delay:PT10M}")
        void run() {
            recheck.run();
        }
    }
}
