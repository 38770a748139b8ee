package app.plainpaper.publishingservice.feedback;

import app.plainpaper.publishingservice.readerapi.ClientAddresses;
import app.plainpaper.publishingservice.readerapi.PublicEndpoint;
import app.plainpaper.publishingservice.readerapi.Refusal;
import app.plainpaper.publishingservice.readerapi.Reply;

import java.util.Map;

/** {@code POST /api/feedback}: the feedback widget of every summary page. */
public final class FeedbackEndpoint extends PublicEndpoint {

    private final FeedbackIntake intake;

    public FeedbackEndpoint(FeedbackIntake intake, Rules rules, ClientAddresses clients) {
        super(rules, clients);
        this.intake = intake;
    }

    @Override
    protected Reply answer(Request request) {
        FeedbackForm form = FeedbackForm.read(request.form());
        if (form instanceof FeedbackForm.Invalid invalid) {
            throw new Refusal(422, "Invalid feedback", String.join("; ", invalid.problems()) + ".");
        }
        if (form instanceof FeedbackForm.Answer answer) {
            return intake.record(answer)
                    .map(recorded -> thanks(recorded.getPageUrl()))
                    .orElseThrow(() -> new Refusal(404, "No such summary", "There is no published summary with this id."));
        }
        return thanks("/");
    }

    private static Reply thanks(String page) {
        return Reply.of(200, "Thank you for your feedback",
                        "Your answer helps us improve our summaries. Comments are read by our editors and never published.",
                        Map.of("status", "received"))
                .withLink(page == null ? "/" : page, "Back to the summary");
    }
}
