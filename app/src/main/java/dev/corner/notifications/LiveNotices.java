package dev.corner.notifications;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.notifications.internal.InboxRecords;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Each account's new notices as they are written, as server-sent events ({@code notice}, with the
 * notice as JSON and its number as the event id). A stream asks the database every {@code
 * corner.notifications.stream-poll} for the account's notices numbered above the last it sent, so a
 * notice written by any node reaches a browser connected to any other. Only the caller's own notices
 * are ever read for its stream.
 */
@Service
public class LiveNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotices.class);

    /**
     * Numbers are handed out when a notice is inserted and become visible when its transaction
     * commits, which may be in another order. A stream therefore keeps looking at the numbers it sent
     * during this many polls before it moves past them: a notice whose transaction took longer than
     * that to commit is the only one it can miss.
     */
    static final int LOOK_BACK_POLLS = 30;

    private static final int BATCH = 100;

    private final InboxRecords records;
    private final Duration poll;
    private final Duration keepAlive;
    private final Duration timeout;
    private final Set<Stream> streams = new CopyOnWriteArraySet<>();
    private volatile ScheduledExecutorService poller;
    private long polls;
    private long lastKeepAlive;

    LiveNotices(
            InboxRecords records,
            @Value("${corner.notifications.stream-poll:1s}") Duration poll,
            @Value("${corner.notifications.stream-keep-alive:15s}") Duration keepAlive,
            @Value("${corner.notifications.stream-timeout:30m}") Duration timeout) {
        this.records = records;
        this.poll = poll;
        this.keepAlive = keepAlive;
        this.timeout = timeout;
    }

    /** The number of the caller's latest notice: a page rendered now passes it to {@link #open}. */
    public long latest(Caller caller) {
        return records.lastSeq(caller.accountId());
    }

    /**
     * A stream of the caller's notices numbered above {@code after} (the {@code Last-Event-ID} a
     * reconnecting client sends, or what {@link #latest} said when the page was made); null means
     * from now on. It ends after {@code corner.notifications.stream-timeout}; clients reconnect.
     */
    public SseEmitter open(Caller caller, Long after) {
        return open(caller, after, null);
    }

    /**
     * Something else a page shows that may change without a notice: each poll reads {@code value},
     * and when it differs from the last value told of (at first, {@code shown}, what the page showed)
     * the stream sends an {@code event} named so, without an id, with the new value as data.
     */
    public record Watch(String event, String shown, Supplier<String> value) {}

    /** As {@link #open(Caller, Long)}, and it also tells when what {@code watch} reads changes. */
    public SseEmitter open(Caller caller, Long after, Watch watch) {
        var emitter = new SseEmitter(timeout.toMillis());
        var stream = new Stream(
                caller.accountId(),
                emitter,
                after == null || after < 0 ? records.lastSeq(caller.accountId()) : after,
                watch);
        streams.add(stream);
        Runnable remove = () -> streams.remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // At once, so the client knows the stream is open before the first notice.
            emitter.send(SseEmitter.event().name("ready").data(Long.toString(stream.watermark)));
        } catch (IOException | IllegalStateException gone) {
            remove.run();
        }
        return emitter;
    }

    /** How many streams this node serves now. */
    public int streamsOpen() {
        return streams.size();
    }

    private synchronized void pollAll() {
        polls++;
        boolean ping = (polls - lastKeepAlive) * poll.toMillis() >= keepAlive.toMillis();
        if (ping) {
            lastKeepAlive = polls;
        }
        for (var stream : streams) {
            try {
                stream.poll(ping);
            } catch (IOException | IllegalStateException gone) {
                streams.remove(stream);
            } catch (RuntimeException e) {
                log.warn("A notice stream could not read the inbox; it tries again", e);
            }
        }
    }

    /** One client's stream, and which numbers it has sent. */
    private final class Stream {
        private final AccountId account;
        private final SseEmitter emitter;
        /** Every notice numbered up to here was sent or is taken as seen. */
        private long watermark;
        /** Sent numbers above the watermark, with the poll that sent them. */
        private final TreeMap<Long, Long> sent = new TreeMap<>();
        /** Null when the stream watches nothing but notices. */
        private final Watch watch;
        /** The watched value last told of. */
        private String watched;

        Stream(AccountId account, SseEmitter emitter, long watermark, Watch watch) {
            this.account = account;
            this.emitter = emitter;
            this.watermark = watermark;
            this.watch = watch;
            this.watched = watch == null ? null : watch.shown();
        }

        void poll(boolean ping) throws IOException {
            for (var numbered : records.after(account, watermark, BATCH)) {
                if (sent.containsKey(numbered.seq())) {
                    continue;
                }
                emitter.send(SseEmitter.event()
                        .id(Long.toString(numbered.seq()))
                        .name("notice")
                        .data(numbered.notice(), MediaType.APPLICATION_JSON));
                sent.put(numbered.seq(), polls);
            }
            while (!sent.isEmpty() && sent.firstEntry().getValue() <= polls - LOOK_BACK_POLLS) {
                watermark = sent.pollFirstEntry().getKey();
            }
            if (watch != null) {
                var now = watch.value().get();
                if (!now.equals(watched)) {
                    emitter.send(SseEmitter.event().name(watch.event()).data(now));
                    watched = now;
                }
            }
            if (ping) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            }
        }
    }

    @Override
    public void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "notice-streams");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    /** Ends every stream cleanly, so that shutting down does not wait for browsers to hang up. */
    @Override
    public void stop() {
        var executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (var stream : streams) {
            try {
                stream.emitter.complete();
            } catch (RuntimeException alreadyGone) {
                // the client left first
            }
        }
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
