package app.plainpaper.compliance.kafka;

import app.plainpaper.compliance.gate.ComplianceGate;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.reviewchecks.RevisionChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    ComplianceGate complianceGate(EventSuccession succession) {
        return new ComplianceGate(RevisionChecks.withDefaultPolicy(), succession);
    }

    @Bean
    ComplianceListener complianceListener(ComplianceGate gate, ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> kafka) {
        return new ComplianceListener(gate, new StageStep(HandledInputs.rebuiltFrom(consumers,
                List.of(Topics.COMPLIANCE_ADVISED, Topics.COMPLIANCE_PASSED, Topics.COMPLIANCE_FAILED)), kafka));
    }
}
