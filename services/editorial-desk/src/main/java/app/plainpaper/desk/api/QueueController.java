package app.plainpaper.desk.api;

import app.plainpaper.desk.queues.DeskQueue;
import app.plainpaper.desk.queues.DeskQueues;
import app.plainpaper.desk.queues.QueueFilter;
import app.plainpaper.desk.queues.QueueItem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/queues")
class QueueController {

    private final DeskQueues queues;
    private final QueueStream stream;

    QueueController(DeskQueues queues, QueueStream stream) {
        this.queues = queues;
        this.stream = stream;
    }

    /** New drafts and items sent back, oldest first; filters: category, state, assignee (me|unassigned|user), blockers, sort (age|-age). */
    @GetMapping("/editor")
    List<QueueItem> editor(@RequestParam(required = false) String category, @RequestParam(required = false) String state,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) Boolean blockers,
            @RequestParam(required = false) String sort, Authentication authentication) {
        return queues.list(DeskQueue.EDITOR, filter(category, state, assignee, blockers, sort), authentication.getName());
    }

    /** Editor-approved drafts awaiting clinical sign-off; same filters as the editors' queue. */
    @GetMapping("/clinical")
    List<QueueItem> clinical(@RequestParam(required = false) String category, @RequestParam(required = false) String state,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) Boolean blockers,
            @RequestParam(required = false) String sort, Authentication authentication) {
        return queues.list(DeskQueue.CLINICAL, filter(category, state, assignee, blockers, sort), authentication.getName());
    }

    @GetMapping("/counts")
    Map<String, Map<String, Long>> counts(Authentication authentication) {
        return queues.counts(authentication.getName());
    }

    /** Server-sent events: {@code queue} whenever an item arrives, changes, leaves, or is claimed or released. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(Authentication authentication) {
        return stream.open(authentication.getName());
    }

    private static QueueFilter filter(String category, String state, String assignee, Boolean blockers, String sort) {
        boolean newestFirst;
        if (sort == null || sort.isBlank() || sort.equals("age")) {
            newestFirst = false;
        } else if (sort.equals("-age")) {
            newestFirst = true;
        } else {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "Unknown sort", "sort must be age (oldest first) or -age (newest first).");
        }
        return new QueueFilter(category, state, assignee, blockers, newestFirst);
    }
}
