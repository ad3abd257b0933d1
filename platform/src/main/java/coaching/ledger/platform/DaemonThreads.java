package coaching.ledger.platform;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.concurrent.ThreadFactory;

/**
 * The threads a process starts for background work. They are daemons, so none of them keeps a JVM
 * alive that is shutting down, and they are named {@code <prefix>-1}, {@code <prefix>-2}, ... so a
 * thread dump or a log line says whose work it is.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }
}
