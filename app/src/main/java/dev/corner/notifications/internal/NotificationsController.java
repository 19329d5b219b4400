package dev.corner.notifications.internal;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.notifications.Inbox;
import dev.corner.notifications.LiveNotices;
import dev.corner.notifications.Notification;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in account's inbox: list, mark read, and a live stream of new notices. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    private final Inbox inbox;
    private final LiveNotices live;

    NotificationsController(Inbox inbox, LiveNotices live) {
        this.inbox = inbox;
        this.live = live;
    }

    record Notifications(List<Notification> notifications, long unread) {}

    record Marked(int marked) {}

    @GetMapping
    Notifications list(
            Caller caller,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        return new Notifications(inbox.of(caller, unread, limit), inbox.unread(caller));
    }

    /**
     * The caller's new notices as server-sent events; a reconnecting client's {@code Last-Event-ID}
     * (or {@code after}) picks up where it left off.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after) {
        return live.open(caller, lastEventId(lastEventId, after));
    }

    static Long lastEventId(String header, Long after) {
        if (header != null && !header.isBlank()) {
            try {
                return Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                throw CornerException.invalid("INVALID_EVENT_ID", "Last-Event-ID is the number of a notice");
            }
        }
        return after;
    }

    @PostMapping("/{notificationId}/read")
    Notification markRead(Caller caller, @PathVariable String notificationId) {
        return inbox.markRead(caller, notificationId);
    }

    @PostMapping("/read")
    Marked markAllRead(Caller caller) {
        return new Marked(inbox.markAllRead(caller));
    }
}
