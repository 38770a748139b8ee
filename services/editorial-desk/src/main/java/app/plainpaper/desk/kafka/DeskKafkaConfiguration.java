package app.plainpaper.desk.kafka;

import app.plainpaper.desk.board.SummaryBoard;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeskKafkaConfiguration {

    @Bean
    SummaryBoard summaryBoard() {
        return new SummaryBoard();
    }

    @Bean
    JourneyTraces journeyTraces(Tracer tracer, Propagator propagator) {
        return new JourneyTraces(tracer, propagator);
    }

    @Bean
    BoardListener boardListener(SummaryBoard board, JourneyTraces traces) {
        return new BoardListener(board, traces);
    }
}
