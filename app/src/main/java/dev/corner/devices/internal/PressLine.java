package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.Pressing;
import dev.corner.devices.Pressing.Outcome;
import dev.corner.devices.Pressing.PressRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where presses wait to be answered together. Every press that arrives while a batch is being
 * answered joins the next one, whichever transport brought it, and a batch is answered in one
 * transaction by {@link Pressing#pressAll}: a few statements for all its presses instead of a dozen
 * for each. A lone press is a batch of one, answered at once.
 *
 * <p>A batch holds at most one press per device; a second press of a device waits for the next
 * batch, as it would wait for the device's lock. If a batch fails as a whole (an error of the
 * database, a deadlock), nothing of it stays and each of its presses is answered again on its own, so
 * one bad press never fails the others.
 *
 * <p>A press whose signature was left to check ({@link DeviceAuthentication#checkLater}) is checked
 * here, with the others of its batch and one read of their devices; a press whose signature fails
 * is answered with its refusal and does nothing.
 */
@Component
public class PressLine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PressLine.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Waiting(PressRequest request, CompletableFuture<Outcome> outcome) {}

    private final Pressing pressing;
    private final DeviceAuthentication authentication;
    private final int workers;
    private final int maxBatch;
    private final LinkedBlockingDeque<Waiting> queue = new LinkedBlockingDeque<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong presses = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    PressLine(
            Pressing pressing,
            DeviceAuthentication authentication,
            @Value("${corner.devices.press-line.workers:1}") int workers,
            @Value("${corner.devices.press-line.max-batch:64}") int maxBatch) {
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException(
                    "corner.devices.press-line needs at least one worker and a batch of one");
        }
        this.pressing = pressing;
        this.authentication = authentication;
        this.workers = workers;
        this.maxBatch = maxBatch;
    }

    /** Answers the press once its batch has committed (or says why not); waits at most a minute. */
    public Outcome press(PressRequest request) {
        var waiting = new Waiting(request, new CompletableFuture<>());
        enqueue(waiting);
        try {
            return waiting.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("the press failed", failed.getCause());
        } catch (TimeoutException e) {
            // Not taken yet: it never will be. In a batch already: answered the same when sent again.
            waiting.outcome().cancel(false);
            throw new IllegalStateException("the press was not answered within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pressing", e);
        }
    }

    /** Batches answered and presses in them since start: how well presses were combined. */
    public long[] counts() {
        return new long[] {batches.get(), presses.get()};
    }

    private synchronized void enqueue(Waiting waiting) {
        if (!running) {
            throw new IllegalStateException("presses are closed: Corner is shutting down");
        }
        if (threads.isEmpty()) {
            for (int i = 0; i < workers; i++) {
                var thread = new Thread(this::work, "press-line-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
        queue.add(waiting);
    }

    private void work() {
        while (running || !queue.isEmpty()) {
            Waiting first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first != null) {
                var batch = take(first);
                if (!batch.isEmpty()) {
                    answer(batch);
                }
            }
        }
    }

    /** The first press and those waiting after it, at most one per device, up to a full batch. */
    private List<Waiting> take(Waiting first) {
        var batch = new ArrayList<Waiting>();
        var devices = new HashSet<DeviceId>();
        var later = new ArrayList<Waiting>();
        Waiting next = first;
        while (next != null) {
            if (next.outcome().isDone()) {
                // its caller gave up waiting
            } else if (devices.add(next.request().device())) {
                batch.add(next);
            } else {
                later.add(next);
            }
            next = batch.size() < maxBatch ? queue.poll() : null;
        }
        // Back at the head, in their order: they were there first.
        for (int i = later.size() - 1; i >= 0; i--) {
            queue.addFirst(later.get(i));
        }
        return batch;
    }

    private void answer(List<Waiting> batch) {
        var signed = batch;
        try {
            signed = signed(batch);
            if (signed.isEmpty()) {
                return;
            }
            var outcomes =
                    pressing.pressAll(signed.stream().map(Waiting::request).toList());
            batches.incrementAndGet();
            presses.addAndGet(signed.size());
            for (int i = 0; i < signed.size(); i++) {
                signed.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error failed) {
            if (signed.size() == 1) {
                signed.get(0).outcome().completeExceptionally(failed);
                return;
            }
            log.debug("a batch of {} presses failed; answering each on its own", signed.size(), failed);
            for (var waiting : signed) {
                answer(List.of(waiting));
            }
        }
    }

    /**
     * The presses whose signatures are right: those still unchecked are checked together, with one
     * read of their devices, and a press whose signature fails is answered with its refusal.
     */
    private List<Waiting> signed(List<Waiting> batch) {
        authentication.checkSignatures(
                batch.stream().map(waiting -> waiting.request().nonce()).toList());
        var signed = new ArrayList<Waiting>(batch.size());
        for (var waiting : batch) {
            var claim = waiting.request().nonce();
            if (claim != null && claim.refusal() != null) {
                waiting.outcome().complete(new Outcome(null, claim.refusal().exception(), false));
            } else {
                signed.add(waiting);
            }
        }
        return signed;
    }

    /** Stops taking presses; those waiting are answered before the workers stop. */
    @Override
    public void destroy() throws InterruptedException {
        List<Thread> stopping;
        synchronized (this) {
            running = false;
            stopping = List.copyOf(threads);
        }
        for (var thread : stopping) {
            thread.join(WAIT.toMillis());
        }
        if (!stopping.isEmpty()) {
            log.info("{} presses were answered in {} batches", presses.get(), batches.get());
        }
    }
}
