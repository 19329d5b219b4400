package dev.corner.notifications.internal;

import dev.corner.common.Caller;
import dev.corner.notifications.Inbox;
import dev.corner.notifications.Notification;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    private final Inbox inbox;

    NotificationsController(Inbox inbox) {
        this.inbox = inbox;
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

    @PostMapping("/{notificationId}/read")
    Notification markRead(Caller caller, @PathVariable String notificationId) {
        return inbox.markRead(caller, notificationId);
    }

    @PostMapping("/read")
    Marked markAllRead(Caller caller) {
        return new Marked(inbox.markAllRead(caller));
    }
}
