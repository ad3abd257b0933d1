package coaching.ledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the processes a measurement involves, from /proc (Linux; elsewhere they read 0 and the
 * table says n/a). Clock ticks are 10 ms, fine over windows of seconds.
 */
final class Cpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // CLK_TCK = 100 on Linux

    private Cpu() {}

    /** This JVM: the in-process ledger and the load driver together. */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Another process (the packaged ledger), or -1 once it is gone. */
    static long processNanos(long pid) {
        long[] fields = stat(pid);
        return fields == null ? -1 : (fields[13] + fields[14]) * NANOS_PER_TICK;
    }

    /** Children of this JVM that exited and were waited for (pgbench runs). */
    static long reapedChildrenNanos() {
        long[] fields = stat(ProcessHandle.current().pid());
        return fields == null ? 0 : (fields[15] + fields[16]) * NANOS_PER_TICK;
    }

    /**
     * The whole local PostgreSQL server: every live postgres process plus the backends that exited
     * (the postmaster accumulates them). Covers every database, so other users' load is included.
     */
    static long postgresNanos() {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String comm = read(process.resolve("comm"));
                if (comm == null || !comm.strip().equals("postgres")) {
                    continue;
                }
                long[] fields = stat(pid);
                if (fields == null) {
                    continue;
                }
                total += (fields[13] + fields[14]) * NANOS_PER_TICK;
                String parentComm = read(Path.of("/proc", Long.toString(fields[3]), "comm"));
                if (parentComm == null || !parentComm.strip().equals("postgres")) {
                    total += (fields[15] + fields[16]) * NANOS_PER_TICK; // the postmaster: its reaped backends
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
        return total;
    }

    /** Peak resident set size (VmHWM) in kB, or -1. */
    static long peakRssKb(long pid) {
        return statusKb(pid, "VmHWM:");
    }

    /** Resident set size now (VmRSS) in kB, or -1. */
    static long rssKb(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    private static long statusKb(long pid, String field) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Sockets the process holds open (HTTP connections, its database pool, its listener), or -1. */
    static long openSockets(long pid) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors
                    .filter(descriptor -> {
                        try {
                            return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
                        } catch (IOException | RuntimeException closedMeanwhile) {
                            return false;
                        }
                    })
                    .count();
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    /** 1, 5 and 15 minute load averages as printed by uptime. */
    static String loadAverage() {
        String load = read(Path.of("/proc/loadavg"));
        if (load == null) {
            return "n/a";
        }
        List<String> fields = List.of(load.strip().split("\\s+"));
        return String.join(" ", fields.subList(0, 3));
    }

    static double load1() {
        String load = loadAverage();
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Fields of /proc/pid/stat, 0-based after the pid (index 13 = utime, 14 = stime, 15/16 = reaped children). */
    private static long[] stat(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return null;
        }
        // the command name is in parentheses and may contain spaces
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] fields = new long[rest.length + 2];
        for (int i = 0; i < rest.length; i++) {
            try {
                fields[i + 2] = Long.parseLong(rest[i].strip());
            } catch (NumberFormatException state) {
                fields[i + 2] = 0;
            }
        }
        return fields;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
