package app.plainpaper.desk.api;

import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.desk.people.DeskSettings;
import app.plainpaper.desk.queues.DeskQueue;
import app.plainpaper.desk.queues.DeskQueues;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskActivityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live queue updates. Each change is sent to every open stream from one thread of its own, so a slow browser never
 * holds up the Kafka listener that applied the event. The same thread sends a comment line to every stream at the
 * heartbeat interval: proxies keep a stream open only while something flows, and a stream whose browser has gone
 * fails that write and is dropped.
 */
@Component
class QueueStream implements DisposableBean, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(QueueStream.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final DeskQueues queues;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "queue-stream");
        thread.setDaemon(true);
        return thread;
    });

    QueueStream(SummaryBoard board, DeskActivities activities, DeskQueues queues, DeskSettings settings) {
        this.queues = queues;
        board.watch(this::changed);
        activities.watch(this::claimed);
        long every = settings.streamHeartbeat().toMillis();
        sender.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** How many streams are open. */
    int open() {
        return emitters.size();
    }

    SseEmitter open(String username) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("counts").reconnectTime(5_000).data(queues.counts(username), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        emitters.add(emitter);
        return emitter;
    }

    private void changed(SummaryCard card) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", "changed");
        update.put("summaryId", card.summaryId());
        update.put("state", DeskViews.state(card.current().getState()));
        update.put("queue", DeskQueue.holding(card.current().getState()).map(DeskQueue::id).orElse(null));
        update.put("item", queues.item(card.summaryId()).orElse(null));
        broadcast(update);
    }

    private void claimed(DeskActivity activity) {
        if (activity.getKind() != DeskActivityKind.CLAIMED && activity.getKind() != DeskActivityKind.RELEASED) {
            return;
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", activity.getKind() == DeskActivityKind.CLAIMED ? "claimed" : "released");
        update.put("summaryId", activity.getSummaryId());
        update.put("by", activity.getActor().getId());
        var item = queues.item(activity.getSummaryId());
        update.put("queue", item.map(i -> i.queue()).orElse(null));
        update.put("item", item.orElse(null));
        broadcast(update);
    }

    private void broadcast(Map<String, Object> update) {
        if (emitters.isEmpty()) {
            return;
        }
        sender.execute(() -> sendToAll(SseEmitter.event().name("queue").data(update, MediaType.APPLICATION_JSON)));
    }

    /** A comment line (": keep-alive"), which EventSource ignores. */
    private void heartbeat() {
        sendToAll(SseEmitter.event().comment(" keep-alive"));
    }

    private void sendToAll(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(event);
            } catch (IOException | RuntimeException e) {
                log.debug("Dropped a queue stream: {}", e.getMessage());
                emitters.remove(emitter);
            }
        }
    }

    /** Ends the open streams before the web server's graceful shutdown, which would otherwise wait them out. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        sender.shutdownNow();
        endAll();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        endAll();
    }

    private void endAll() {
        for (SseEmitter emitter : emitters) {
            emitters.remove(emitter);
            emitter.complete();
        }
    }
}
