package app.plainpaper.publishingservice.kafka;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import app.plainpaper.publishingservice.site.LiveSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the whole site from the publishing topics, as {@code ./plainpaper site rebuild} asks: a full replay into
 * a fresh model, rendered into a new release folder and swapped in. Rendering is deterministic, so a rebuild of an
 * intact site gives the same bytes (the same release id, {@code changed=false}). On the service port (8095), which
 * only the operator's machine reaches; nginx never forwards to it.
 */
@RestController
class SiteRebuild {

    /** The topics whose events make up the site. */
    static final List<String> TOPICS = List.of(Topics.PUBLISHED, Topics.UNPUBLISHED, Topics.RETRACTED);

    private static final Logger log = LoggerFactory.getLogger(SiteRebuild.class);

    private final LiveSite site;
    private final ConsumerFactory<?, ?> consumers;

    SiteRebuild(LiveSite site, ConsumerFactory<?, ?> consumers) {
        this.site = site;
        this.consumers = consumers;
    }

    static List<SummaryEvent> replay(ConsumerFactory<?, ?> consumers) {
        List<SummaryEvent> events = new ArrayList<>();
        EventLog.replay(consumers.getConfigurationProperties(), TOPICS, Duration.ofSeconds(60), record -> {
            if (record.value() instanceof SummaryEvent event) {
                events.add(event);
            }
        });
        return events;
    }

    @PostMapping("/api/site/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        LiveSite.Rebuild rebuild = site.rebuild(replay(consumers));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", rebuild.events());
        body.put("summaries", rebuild.summaries());
        body.put("files", rebuild.files());
        body.put("release", rebuild.release().id());
        body.put("changed", rebuild.release().changed());
        body.put("siteRoot", site.siteRoot().toAbsolutePath().toString());
        log.info("Site rebuilt from {} events: {} summaries, {} files, release {} ({})", rebuild.events(),
                rebuild.summaries(), rebuild.files(), rebuild.release().id(),
                rebuild.release().changed() ? "changed" : "same bytes as before");
        return ResponseEntity.ok(body);
    }
}
