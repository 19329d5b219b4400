package dev.corner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in tests: real time plus an offset that a test can move forward. */
public final class TestClock extends Clock {

    private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** From now on the clock reads {@code instant} and stands still, for tests at exact boundaries. */
    public void freezeAt(Instant instant) {
        frozen.set(instant);
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    @Override
    public Instant instant() {
        var still = frozen.get();
        if (still != null) {
            return still;
        }
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Corner runs in UTC");
    }
}
