package app.plainpaper.desk.access;

import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.DeskAuditKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login limits, rebuilt from the audit topic: after {@code maxFailures} failures in a row an account is locked
 * for {@code lockFor}. A successful login clears the count; failures while locked do not extend the lock.
 */
public class LoginAttempts {

    private record Account(int failures, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockFor;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public LoginAttempts(int maxFailures, Duration lockFor) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    /** @return until when the account is locked, if this failure locked it */
    public synchronized Optional<Instant> apply(DeskAudit audit) {
        if (!seen.add(audit.getAuditId())) {
            return Optional.empty();
        }
        String user = audit.getUsername();
        Account account = accounts.getOrDefault(user, new Account(0, null));
        Instant at = audit.getAt();
        if (audit.getKind() == DeskAuditKind.LOGIN) {
            accounts.put(user, new Account(0, account.lockedUntil()));
            return Optional.empty();
        }
        if (audit.getKind() != DeskAuditKind.LOGIN_FAILED) {
            return Optional.empty();
        }
        if (account.lockedUntil() != null && at.isBefore(account.lockedUntil())) {
            return Optional.empty();
        }
        int failures = account.failures() + 1;
        if (failures >= maxFailures) {
            Instant until = at.plus(lockFor);
            accounts.put(user, new Account(0, until));
            return Optional.of(until);
        }
        accounts.put(user, new Account(failures, account.lockedUntil()));
        return Optional.empty();
    }

    public Optional<Instant> lockedUntil(String username, Instant now) {
        Account account = accounts.get(username);
        if (account == null || account.lockedUntil() == null || !now.isBefore(account.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(account.lockedUntil());
    }

    public int failures(String username) {
        Account account = accounts.get(username);
        return account == null ? 0 : account.failures();
    }
}
