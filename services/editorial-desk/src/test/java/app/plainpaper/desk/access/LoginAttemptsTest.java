package app.plainpaper.desk.access;

import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.DeskAuditKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTest {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    final LoginAttempts attempts = new LoginAttempts(3, Duration.ofMinutes(15));

    @Test
    void theThirdFailureInARowLocksForFifteenMinutes() {
        assertThat(attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 0))).isEmpty();
        assertThat(attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 10))).isEmpty();
        assertThat(attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 20))).contains(T0.plusSeconds(20 + 900));
        assertThat(attempts.lockedUntil("erin", T0.plusSeconds(60))).contains(T0.plusSeconds(920));
        assertThat(attempts.lockedUntil("erin", T0.plusSeconds(920))).isEmpty();
        assertThat(attempts.lockedUntil("casey", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aSuccessClearsTheCountAndFailuresWhileLockedDoNotExtendTheLock() {
        attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 0));
        attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 1));
        attempts.apply(audit("erin", DeskAuditKind.LOGIN, 2));
        attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 3));
        assertThat(attempts.lockedUntil("erin", T0.plusSeconds(4))).isEmpty();
        assertThat(attempts.failures("erin")).isEqualTo(1);

        attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 4));
        attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, 5));
        for (int i = 6; i < 20; i++) {
            assertThat(attempts.apply(audit("erin", DeskAuditKind.LOGIN_FAILED, i))).isEmpty();
        }
        assertThat(attempts.lockedUntil("erin", T0.plusSeconds(30))).contains(T0.plusSeconds(905));
    }

    @Test
    void replayingTheSameRecordTwiceCountsItOnce() {
        DeskAudit failure = audit("erin", DeskAuditKind.LOGIN_FAILED, 0);
        for (int i = 0; i < 5; i++) {
            attempts.apply(failure);
        }
        assertThat(attempts.failures("erin")).isEqualTo(1);
    }

    static DeskAudit audit(String user, DeskAuditKind kind, int second) {
        return DeskAudit.newBuilder().setAuditId(UUID.randomUUID().toString()).setUsername(user).setKind(kind)
                .setAt(T0.plusSeconds(second)).setMethod("form").build();
    }
}
