package app.plainpaper.desk.kafka;

import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.events.SummaryEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds the board from every summary topic. Each start uses a fresh consumer group that reads from the beginning:
 * the board is rebuilt from Kafka, never stored elsewhere.
 */
class BoardListener {

    private final SummaryBoard board;
    private final JourneyTraces traces;

    BoardListener(SummaryBoard board, JourneyTraces traces) {
        this.board = board;
        this.traces = traces;
    }

    @KafkaListener(id = "editorial-desk-board", groupId = "editorial-desk-board-${random.uuid}",
            topics = "#{T(app.plainpaper.pipeline.Topics).SUMMARY_EVENTS}",
            properties = {"auto.offset.reset=earliest"})
    void on(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof SummaryEvent event) {
            board.apply(event);
            traces.remember(event.getSummaryId(), record.headers());
        }
    }
}
