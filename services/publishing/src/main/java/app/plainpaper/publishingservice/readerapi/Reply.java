package app.plainpaper.publishingservice.readerapi;

import java.util.Map;

/**
 * What a public endpoint answers: JSON for script ({@code Accept: application/json}), otherwise a small page.
 *
 * @param link        where the page sends the reader on (site-relative or absolute), or null
 * @param buttonLabel if set, the page holds one form posting back to the same address with this button
 */
public record Reply(int status, String title, String message, Map<String, Object> json, String link, String linkText,
        String buttonLabel) {

    public static Reply of(int status, String title, String message, Map<String, Object> json) {
        return new Reply(status, title, message, json, "/", "Back to the home page", null);
    }

    public Reply withLink(String href, String text) {
        return new Reply(status, title, message, json, href, text, buttonLabel);
    }

    public Reply withButton(String label) {
        return new Reply(status, title, message, json, link, linkText, label);
    }
}
