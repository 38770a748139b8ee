package app.plainpaper.publishingservice.readerapi;

import java.util.Map;

/**
 * What a public endpoint answers: JSON for script ({@code Accept: application/json}), otherwise a small page.
 *
 * @param link        where the page sends the reader on (site-relative or absolute), or null
 * @param buttonLabel if set, the page holds one form posting back to the same address with this button
 * @param note        if set, a paragraph with a second link: {@code note} then {@code noteLink} as {@code noteLinkText}
 */
public record Reply(int status, String title, String message, Map<String, Object> json, String link, String linkText,
        String buttonLabel, String note, String noteLink, String noteLinkText) {

    public static Reply of(int status, String title, String message, Map<String, Object> json) {
        return new Reply(status, title, message, json, "/", "Back to the home page", null, null, null, null);
    }

    public Reply withLink(String href, String text) {
        return new Reply(status, title, message, json, href, text, buttonLabel, note, noteLink, noteLinkText);
    }

    public Reply withButton(String label) {
        return new Reply(status, title, message, json, link, linkText, label, note, noteLink, noteLinkText);
    }

    public Reply withNote(String text, String href, String hrefText) {
        return new Reply(status, title, message, json, link, linkText, buttonLabel, text, href, hrefText);
    }
}
