package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.publishingservice.readerapi.ClientAddresses;
import app.plainpaper.publishingservice.readerapi.PublicEndpoint;
import app.plainpaper.publishingservice.readerapi.Refusal;
import app.plainpaper.publishingservice.readerapi.Reply;

import java.util.Map;
import java.util.Set;

/** The subscribe form, the confirmation link and the unsubscribe link (also RFC 8058 one-click POST). */
public final class SubscriberEndpoints {

    private SubscriberEndpoints() {
    }

    /** {@code POST /api/subscribe}: email, website (honeypot). */
    public static final class Subscribe extends PublicEndpoint {
        private final Subscriptions subscriptions;

        public Subscribe(Subscriptions subscriptions, Rules rules, ClientAddresses clients) {
            super(rules, clients);
            this.subscriptions = subscriptions;
        }

        @Override
        protected Reply answer(Request request) {
            String website = request.field("website");
            if (website == null || website.isBlank()) {
                var address = EmailAddress.parse(request.field("email"))
                        .orElseThrow(() -> new Refusal(422, "Invalid e-mail address",
                                "Enter an e-mail address such as name@example.org (at most " + EmailAddress.MAX_LENGTH + " characters)."));
                subscriptions.subscribe(address);
            }
            // The same answer whether the address was new, pending, already confirmed, or a bot's.
            return Reply.of(200, "Check your inbox",
                    "We sent you an e-mail with a confirmation link. Your subscription starts when you click it.",
                    Map.of("status", "pending"));
        }
    }

    /** {@code GET /api/subscribe/confirm?token=}. */
    public static final class Confirm extends PublicEndpoint {
        private final Subscriptions subscriptions;

        public Confirm(Subscriptions subscriptions, Rules rules, ClientAddresses clients) {
            super(rules, clients);
            this.subscriptions = subscriptions;
        }

        @Override
        protected Reply answer(Request request) {
            return switch (subscriptions.confirm(request.query().get("token"))) {
                case CONFIRMED -> Reply.of(200, "Subscription confirmed",
                        "You will get an e-mail when we publish new research summaries. Every mail has a link to unsubscribe.",
                        Map.of("status", "confirmed"));
                case EXPIRED -> throw new Refusal(410, "This link has expired",
                        "We erased the unconfirmed address. You can subscribe again on the subscribe page.");
                case UNKNOWN -> throw new Refusal(404, "This link is not valid",
                        "It may have been used already, or the subscription was erased.");
            };
        }
    }

    /**
     * {@code GET /api/unsubscribe?token=} shows one button (mail scanners follow links, so a GET never erases);
     * {@code POST} with the same address, from that button or from a mail client's one-click unsubscribe, erases.
     */
    public static final class Unsubscribe extends PublicEndpoint {
        private final Subscriptions subscriptions;

        public Unsubscribe(Subscriptions subscriptions, Rules rules, ClientAddresses clients) {
            super(rules, clients);
            this.subscriptions = subscriptions;
        }

        @Override
        protected Reply answer(Request request) {
            String token = request.query().get("token");
            if (request.method().equals("GET")) {
                if (!subscriptions.knows(token)) {
                    return done();
                }
                return Reply.of(200, "Unsubscribe",
                                "Unsubscribe from the digest and erase your e-mail address from our records.",
                                Map.of("status", "subscribed"))
                        .withButton("Unsubscribe and erase my address");
            }
            subscriptions.unsubscribe(token);
            return done();
        }

        private static Reply done() {
            return Reply.of(200, "You are unsubscribed",
                    "We will not write to you again, and your e-mail address is erased from our records.",
                    Map.of("status", "unsubscribed"));
        }
    }

    static Set<String> methods(String... methods) {
        return Set.of(methods);
    }
}
