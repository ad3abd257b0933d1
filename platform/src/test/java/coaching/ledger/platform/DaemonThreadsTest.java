package coaching.ledger.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void threadsAreDaemonsNumberedAfterTheirPrefix() {
        ThreadFactory threads = DaemonThreads.named("sealer");

        Thread first = threads.newThread(() -> {});
        Thread second = threads.newThread(() -> {});

        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("sealer-1");
        assertThat(second.getName()).isEqualTo("sealer-2");
    }
}
