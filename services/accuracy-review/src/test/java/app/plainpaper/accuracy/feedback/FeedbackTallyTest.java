package app.plainpaper.accuracy.feedback;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackTallyTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void turnsNegativeOnlyWithEnoughAnswersAndMoreThanTheShareSayingNo() {
        var tally = new FeedbackTally(new FeedbackTally.Threshold(4, 0.5));
        tally.record("s", "a", false, PUBLISHED.plusSeconds(1));
        tally.record("s", "b", false, PUBLISHED.plusSeconds(2));
        tally.record("s", "c", false, PUBLISHED.plusSeconds(3));
        assertThat(tally.reReviewReason("s", PUBLISHED)).as("too few answers").isEmpty();
        tally.record("s", "d", true, PUBLISHED.plusSeconds(4));
        assertThat(tally.reReviewReason("s", PUBLISHED)).hasValue("Readers found this unhelpful: 3 of 4 said no");

        var even = new FeedbackTally(new FeedbackTally.Threshold(4, 0.5));
        for (int i = 0; i < 4; i++) {
            even.record("s", "f" + i, i % 2 == 0, PUBLISHED.plusSeconds(i));
        }
        assertThat(even.reReviewReason("s", PUBLISHED)).as("half is not more than half").isEmpty();
    }

    @Test
    void eachAnswerCountsOnceAndOnlySinceTheLatestPublication() {
        var tally = new FeedbackTally(new FeedbackTally.Threshold(2, 0.5));
        tally.record("s", "old", false, PUBLISHED.minusSeconds(60));
        tally.record("s", "a", false, PUBLISHED.plusSeconds(1));
        tally.record("s", "a", false, PUBLISHED.plusSeconds(1));
        assertThat(tally.counts("s", PUBLISHED)).isEqualTo(new FeedbackTally.Counts(0, 1));
        assertThat(tally.reReviewReason("s", PUBLISHED)).isEmpty();
        assertThat(tally.counts("s", PUBLISHED.minusSeconds(3600)).total()).isEqualTo(2);
    }

    @Test
    void aThresholdMustMakeSense() {
        assertThatThrownBy(() -> new FeedbackTally.Threshold(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedbackTally.Threshold(5, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
