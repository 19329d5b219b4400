package dev.corner.notifications.internal;

import dev.corner.pos.ReceiptEmailRequested;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts e-mails other modules ask for into the outbox and sends them through SMTP ({@code
 * spring.mail.host}, e.g. from {@code SPRING_MAIL_HOST}). A failed send is tried again with a doubling
 * delay, up to {@code corner.mail.max-attempts}; without SMTP configured the mails wait in the
 * outbox until it is.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;
    private boolean warnedNoSmtp;

    MailDelivery(
            MailOutbox outbox,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${corner.mail.from}") String from,
            @Value("${corner.mail.max-attempts}") int maxAttempts,
            @Value("${corner.mail.first-retry}") Duration firstRetry) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    @ApplicationModuleListener
    void on(ReceiptEmailRequested receipt) {
        outbox.queue(receipt.to(), receipt.subject(), receipt.text(), clock.instant());
    }

    @Scheduled(fixedDelayString = "${corner.mail.poll}")
    @Transactional
    void sendDue() {
        var smtp = sender.getIfAvailable();
        if (smtp == null) {
            if (!warnedNoSmtp) {
                log.info("No SMTP server configured (spring.mail.host); e-mails wait in the outbox");
                warnedNoSmtp = true;
            }
            return;
        }
        for (var mail : outbox.claimDue(clock.instant(), 20)) {
            try {
                var message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                smtp.send(message);
                outbox.sent(mail.id(), clock.instant());
            } catch (MailException e) {
                int attempt = mail.attempts() + 1;
                var givenUp = attempt >= maxAttempts;
                var retryAt = clock.instant().plus(firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20)));
                outbox.failed(mail.id(), String.valueOf(e.getMessage()), retryAt, givenUp);
                log.warn(
                        "Mail {} not sent (attempt {}{}): {}",
                        mail.id(),
                        attempt,
                        givenUp ? ", given up" : "",
                        e.getMessage());
            }
        }
    }
}
