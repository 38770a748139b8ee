package app.plainpaper.accuracy.checks;

import app.plainpaper.reviewchecks.RevisionChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccuracyChecksConfiguration {

    @Bean
    AccuracyChecks accuracyChecks() {
        RevisionChecks checks = RevisionChecks.withDefaultPolicy();
        return revision -> checks.findings(revision, RevisionChecks.ACCURACY);
    }
}
