package dev.corner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * pgbench and psql against the PostgreSQL a Corner on its embedded default runs: the port from its
 * {@code postmaster.pid}, the password from {@code postgres.password} in the data directory. The
 * ceilings our benchmarks are compared with are measured on that same server, in the same run.
 */
final class Pgbench {

    private final Map<String, String> env;

    private Pgbench(Map<String, String> env) {
        this.env = env;
    }

    static Pgbench on(Path dataDir) throws IOException {
        var pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        var port = pid.get(3).strip();
        var password = Files.readString(dataDir.resolve("postgres.password")).strip();
        return new Pgbench(Map.of("PGPASSWORD", password, "PGHOST", "127.0.0.1", "PGPORT", port, "PGUSER", "postgres"));
    }

    /** Runs SQL in a database and answers what psql printed, unaligned and without headers. */
    String psql(String database, String sql) throws IOException, InterruptedException {
        return run(tool("psql"), "-q", "-t", "-A", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql)
                .strip();
    }

    /**
     * pgbench's TPS for a custom script, {@code clients} clients for {@code seconds}, and the
     * machine's busy CPU time per transaction; {@code options} go to pgbench as they are (for
     * example {@code -M prepared}, as Corner's driver does).
     */
    MachineCpu.Measured script(String database, String sql, int clients, int seconds, String... options)
            throws IOException, InterruptedException {
        var script = Files.createTempFile("pgbench", ".sql");
        try {
            Files.writeString(script, sql);
            var workload = new ArrayList<>(List.of(options));
            workload.addAll(List.of("-f", script.toString()));
            return measured(database, clients, seconds, workload.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * pgbench's TPS for the built-in tpcb-like transaction in its own scratch database (scale 1),
     * and the machine's busy CPU time per transaction while it ran.
     */
    MachineCpu.Measured tpcbLike(int clients, int seconds) throws IOException, InterruptedException {
        psql("postgres", "drop database if exists corner_pgbench");
        psql("postgres", "create database corner_pgbench");
        try {
            run(tool("pgbench"), "-i", "-q", "-s", "1", "-d", "corner_pgbench");
            return measured("corner_pgbench", clients, seconds, "-b", "tpcb-like");
        } finally {
            psql("postgres", "drop database if exists corner_pgbench");
        }
    }

    private MachineCpu.Measured measured(String database, int clients, int seconds, String... workload)
            throws IOException, InterruptedException {
        double busy = MachineCpu.busySeconds();
        double tps = tps(database, clients, seconds, workload);
        return MachineCpu.Measured.of(tps * seconds, seconds, MachineCpu.busySeconds() - busy);
    }

    private double tps(String database, int clients, int seconds, String... workload)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                tool("pgbench"),
                "-n",
                "-d",
                database,
                "-c",
                Integer.toString(clients),
                "-j",
                "2",
                "-T",
                Integer.toString(seconds)));
        command.addAll(List.of(workload));
        var output = run(command.toArray(String[]::new));
        var matcher = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String tool(String name) {
        var debian = Path.of("/usr/lib/postgresql/15/bin", name);
        return Files.isExecutable(debian) ? debian.toString() : name;
    }

    private String run(String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
