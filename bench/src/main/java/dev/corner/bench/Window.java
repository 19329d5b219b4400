package dev.corner.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A floor's measuring window: a 5 s warm-up, then the counted seconds. It counts the answers that
 * came within them and, from the thread that waits for the clients, the machine's busy CPU time
 * over them.
 */
final class Window {

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private final long warmUpEnds = System.nanoTime() + WARM_UP.toNanos();
    private final long ends;
    private final int seconds;
    private final AtomicLong answered = new AtomicLong();
    private double busySeconds;

    Window(int seconds) {
        this.seconds = seconds;
        this.ends = warmUpEnds + Duration.ofSeconds(seconds).toNanos();
    }

    boolean open() {
        return System.nanoTime() < ends;
    }

    void answered() {
        long now = System.nanoTime();
        if (now >= warmUpEnds && now < ends) {
            answered.incrementAndGet();
        }
    }

    /**
     * Runs {@code clients} threads, each given its number, which send requests while the window is
     * {@link #open()}; measures the machine's CPU meanwhile and throws the first failure of any.
     */
    void run(int clients, IntConsumer client) throws InterruptedException {
        var failure = new AtomicReference<RuntimeException>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int number = c;
            var thread = new Thread(() -> {
                try {
                    client.accept(number);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        measureCpu();
        for (var thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Called while the clients run: returns when the window has closed. */
    void measureCpu() {
        sleepUntil(warmUpEnds);
        double before = MachineCpu.busySeconds();
        sleepUntil(ends);
        busySeconds = MachineCpu.busySeconds() - before;
    }

    int seconds() {
        return seconds;
    }

    MachineCpu.Measured measured() {
        return MachineCpu.Measured.of(answered.get(), seconds, busySeconds);
    }

    private static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
