package dev.corner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time the whole machine spent busy (every process: Corner, PostgreSQL, the broker, the
 * load generator, the kernel), from Linux's {@code /proc/stat}. The benchmarks run everything on
 * one machine, so what one request costs there, all in, is what bounds how many fit in a second.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    /** Linux counts CPU time in ticks of 1/100 s ({@code USER_HZ}) on every platform we run on. */
    private static final double TICKS_PER_SECOND = 100;

    private MachineCpu() {}

    /** The CPUs {@code /proc/stat} counts, whatever this JVM may be limited to. */
    static int cores() {
        return (int) lines().stream()
                .filter(line -> line.startsWith("cpu") && Character.isDigit(line.charAt(3)))
                .count();
    }

    /**
     * Busy CPU seconds since boot, over all cores: user, nice, system, irq and softirq. Not steal:
     * time a virtual machine waited for its host is not time anything here ran.
     */
    static double busySeconds() {
        for (var line : lines()) {
            if (line.startsWith("cpu ")) {
                var ticks = Arrays.stream(line.substring(4).strip().split("\\s+"))
                        .mapToLong(Long::parseLong)
                        .toArray();
                // user nice system idle iowait irq softirq steal …
                long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
                return busy / TICKS_PER_SECOND;
            }
        }
        throw new IllegalStateException("no cpu line in " + STAT);
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(STAT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests per second, and the machine's busy CPU time for each request, in milliseconds. */
    record Measured(double rate, double cpuMsPerRequest) {

        /** {@code requests} answered in {@code seconds} while the machine was busy {@code busySeconds}. */
        static Measured of(double requests, double seconds, double busySeconds) {
            return new Measured(requests / seconds, requests == 0 ? 0 : busySeconds * 1000 / requests);
        }
    }
}
