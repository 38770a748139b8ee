package app.plainpaper.checks.policy;

/** The policy file is missing, unreadable or invalid; the message says where and why. */
public class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
