package app.plainpaper.publishingservice.feedback;

import app.plainpaper.publishingservice.readerapi.ClientAddresses;
import app.plainpaper.publishingservice.readerapi.PublicEndpoint;
import app.plainpaper.publishingservice.readerapi.Refusal;
import app.plainpaper.publishingservice.readerapi.Reply;
import app.plainpaper.publishingservice.subscribers.Tokens;

import java.util.Map;

/**
 * {@code /api/feedback/erase?token=}: {@code DELETE} (script) or {@code POST} (the page's button, no script needed)
 * erases the comment the token was issued for; {@code GET} shows that button and changes nothing (link previews and
 * mail scanners follow links).
 */
public final class CommentErasureEndpoint extends PublicEndpoint {

    public static final String PATH = "/api/feedback/erase";

    private final CommentErasure erasure;

    public CommentErasureEndpoint(CommentErasure erasure, Rules rules, ClientAddresses clients) {
        super(rules, clients);
        this.erasure = erasure;
    }

    @Override
    protected Reply answer(Request request) {
        String token = request.query().get("token");
        if (!Tokens.wellFormed(token)) {
            throw new Refusal(400, "Not an erasure link", "Use the whole link you got when you sent your comment.");
        }
        if (request.method().equals("GET")) {
            if (!erasure.knows(token)) {
                throw notFound();
            }
            return Reply.of(200, "Erase your comment",
                            "Erase the comment you sent with your feedback. Nobody will be able to read it again, editors included.",
                            Map.of("status", "stored"))
                    .withButton("Erase my comment");
        }
        if (!erasure.erase(token)) {
            throw notFound();
        }
        return Reply.of(200, "Your comment is erased",
                "Nobody can read it any more. Your answer (helpful or not) is still counted, without the comment.",
                Map.of("status", "erased"));
    }

    private static Refusal notFound() {
        return new Refusal(404, "This link is not valid", "The comment may have been erased already.");
    }
}
