package app.plainpaper.publishingservice.feedback;

import app.plainpaper.publishingservice.readerapi.ClientAddresses;
import app.plainpaper.publishingservice.readerapi.PublicEndpoint;
import app.plainpaper.publishingservice.readerapi.Refusal;
import app.plainpaper.publishingservice.readerapi.Reply;
import app.plainpaper.publishingservice.subscribers.Tokens;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/feedback}: the feedback widget of every summary page. An answer with a comment also gets the link
 * that erases the comment ({@code eraseUrl}); it is shown this once and kept nowhere but as a hash.
 */
public final class FeedbackEndpoint extends PublicEndpoint {

    private final FeedbackIntake intake;
    private final String eraseUrl;

    /** @param siteUrl the site's base URL, for the erasure link */
    public FeedbackEndpoint(FeedbackIntake intake, Rules rules, ClientAddresses clients, String siteUrl) {
        super(rules, clients);
        this.intake = intake;
        this.eraseUrl = (siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl)
                + CommentErasureEndpoint.PATH + "?token=";
    }

    @Override
    protected Reply answer(Request request) {
        FeedbackForm form = FeedbackForm.read(request.form());
        if (form instanceof FeedbackForm.Invalid invalid) {
            throw new Refusal(422, "Invalid feedback", String.join("; ", invalid.problems()) + ".");
        }
        if (form instanceof FeedbackForm.Answer answer) {
            return intake.record(answer)
                    .map(recorded -> thanks(recorded.feedback().getPageUrl(), recorded.erasureToken()))
                    .orElseThrow(() -> new Refusal(404, "No such summary", "There is no published summary with this id."));
        }
        // A bot gets the same answer, with a token that leads nowhere, so it cannot tell it was caught.
        return thanks("/", form instanceof FeedbackForm.Honeypot bot && bot.withComment() ? Tokens.random() : null);
    }

    private Reply thanks(String page, String erasureToken) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "received");
        if (erasureToken != null) {
            json.put("eraseUrl", eraseUrl + erasureToken);
        }
        Reply reply = Reply.of(200, "Thank you for your feedback",
                        "Your answer helps us improve our summaries. Comments are read by our editors and never published.",
                        json)
                .withLink(page == null ? "/" : page, "Back to the summary");
        if (erasureToken != null) {
            reply = reply.withNote("To erase your comment later, keep this link: we show it only once and cannot send it again.",
                    eraseUrl + erasureToken, "Erase my comment");
        }
        return reply;
    }
}
