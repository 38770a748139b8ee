package app.plainpaper.desk.api;

import java.util.Map;

/**
 * A decision as the API takes it. Who decides comes from the authenticated session, never from this body.
 *
 * @param action    approve | request-changes | request-redraft | reject | sign-off | edit | override | unpublish
 * @param sections  for edit: section name to new text
 * @param findingId for override: the finding being overridden (the comment is the reason)
 */
public record DecisionRequest(Integer revision, String action, String comment, Map<String, String> sections, String findingId) {
}
