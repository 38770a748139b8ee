package app.plainpaper.desk.kafka;

import app.plainpaper.desk.board.SummaryBoard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeskKafkaConfiguration {

    @Bean
    SummaryBoard summaryBoard() {
        return new SummaryBoard();
    }

    @Bean
    BoardListener boardListener(SummaryBoard board) {
        return new BoardListener(board);
    }
}
