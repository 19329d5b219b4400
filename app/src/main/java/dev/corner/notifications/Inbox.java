package dev.corner.notifications;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.notifications.internal.InboxRecords;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in account's notices: newest first, each read or not. Only its owner sees one. */
@Service
public class Inbox {

    private final InboxRecords records;
    private final Clock clock;

    Inbox(InboxRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Notification> of(Caller caller, boolean unreadOnly, int limit) {
        return records.of(caller.accountId(), unreadOnly, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public long unread(Caller caller) {
        return records.unread(caller.accountId());
    }

    /** Marks one notice read; reading it twice changes nothing. Another account's notice answers 404. */
    @Transactional
    public Notification markRead(Caller caller, String notificationId) {
        records.markRead(caller.accountId(), notificationId, clock.instant());
        return records.find(caller.accountId(), notificationId)
                .orElseThrow(
                        () -> CornerException.notFound("NOTIFICATION_NOT_FOUND", "no notification " + notificationId));
    }

    /** Marks every notice read; answers how many were unread. */
    @Transactional
    public int markAllRead(Caller caller) {
        return records.markAllRead(caller.accountId(), clock.instant());
    }
}
