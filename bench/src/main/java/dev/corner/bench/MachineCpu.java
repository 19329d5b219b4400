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

    /**
     * Waits until the machine is quiet (less than a tenth of one core busy over half a second), at
     * most a minute, and answers the seconds waited. What Corner still does after a phase (its JIT
     * compiler working through what the phase made hot, the broker letting sessions go, PostgreSQL
     * writing back) is not the next phase's work.
     */
    static double settle() throws InterruptedException {
        long start = System.nanoTime();
        double before = busySeconds();
        while (System.nanoTime() - start < 60_000_000_000L) {
            Thread.sleep(500);
            double now = busySeconds();
            if (now - before < 0.05) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The machine's busy CPU seconds, and the part of them that PostgreSQL (every process named
     * {@code postgres}, with the backends that ended counted in their parent's children time) and
     * this JVM (the load generator) spent. The rest is Corner's JVM, with its broker, and the kernel.
     */
    record Split(double busy, double postgres, double loadGenerator) {

        static Split now() {
            double postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var dir : processes
                        .filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    if ("postgres".equals(read(dir.resolve("comm")).strip())) {
                        postgres += processSeconds(read(dir.resolve("stat")), true);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Split(busySeconds(), postgres, processSeconds(read(Path.of("/proc/self/stat")), false));
        }

        /** What was spent since {@code before}. */
        Split since(Split before) {
            return new Split(busy - before.busy, postgres - before.postgres, loadGenerator - before.loadGenerator);
        }

        /** Of what was spent on {@code requests}, each part's CPU milliseconds per request. */
        String perRequest(long requests) {
            double pg = postgres * 1000 / requests;
            double load = loadGenerator * 1000 / requests;
            return String.format(
                    "PostgreSQL %.2f ms, the load generator %.2f ms, Corner and the rest %.2f ms",
                    pg, load, busy * 1000 / requests - pg - load);
        }

        /** utime and stime (and with {@code children}, cutime and cstime) of a {@code /proc/<pid>/stat} line. */
        private static double processSeconds(String stat, boolean children) {
            if (stat.isEmpty()) {
                return 0; // the process ended meanwhile
            }
            // The fields after the command name, which is in parentheses and may hold spaces.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (children) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICKS_PER_SECOND;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException ended) {
                return "";
            }
        }
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
