package app.plainpaper.desk.queues;

/**
 * What a queue view asks for; null means any.
 *
 * @param assignee   {@code me}, {@code unassigned} or a user name
 * @param blockers   true: only items with open blockers; false: only items without
 * @param newestFirst sort by age, newest first (default: oldest first)
 */
public record QueueFilter(String category, String state, String assignee, Boolean blockers, boolean newestFirst) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, false);
}
