package dev.corner.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
