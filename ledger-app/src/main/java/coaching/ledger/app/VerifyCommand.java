package coaching.ledger.app;

import coaching.ledger.platform.LedgerPlatform;
import coaching.ledger.platform.audit.CheckpointLog;
import coaching.ledger.platform.audit.LedgerVerifier;
import coaching.ledger.platform.audit.LogTree;
import coaching.ledger.platform.audit.VerificationReport;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.axon.AxonInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar ledger-app.jar verify [--checkpoint FILE --public-key KEYFILE] [--checkpoint-index=N
 * --checkpoint-hash=H] [--spring.datasource.url=...]}: verifies a ledger database (for example an auditor's
 * copy) without the web server, without migrating or writing anything, prints the report as JSON and exits 0
 * when verified, 1 when it found problems, 2 when it could not verify at all. With a kept signed checkpoint
 * and the ledger's public key it also proves the history extends that checkpoint, and holds every checkpoint
 * stored in the database against the history; without a key it recomputes the tree only.
 */
public final class VerifyCommand {

    static final int VERIFIED = 0;
    static final int PROBLEMS = 1;
    static final int FAILED = 2;

    private VerifyCommand() {}

    /** Only what verification needs; deliberately not a @Configuration, so the app's component scan skips it. */
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class
    })
    @Import({LedgerPlatform.class, AxonInfrastructure.class, LedgerVerifier.class, LogTree.class, CheckpointLog.class})
    static class VerifyContext {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = CommandLine.of(args, "--checkpoint", "--public-key");
        String[] springArgs = line.rest().stream()
                .filter(arg -> !arg.startsWith("--checkpoint-"))
                .toArray(String[]::new);
        String keptNote;
        NoteVerifier key;
        try {
            keptNote = line.file("--checkpoint").orElse(null);
            key = line.file("--public-key")
                    .map(text -> NoteVerifier.parse(text.strip()))
                    .orElse(null);
            if (keptNote != null && key == null) {
                throw new IllegalArgumentException(
                        "--checkpoint needs --public-key: the key its signature is checked with");
            }
        } catch (RuntimeException e) {
            err.println("verification failed: " + e.getMessage());
            return FAILED;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifyContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn")
                .run(springArgs)) {
            VerificationReport report = context.getBean(LedgerVerifier.class).verify(checkpoint(args), keptNote, key);
            out.println(new ObjectMapper()
                    .findAndRegisterModules()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
            return report.verified() ? VERIFIED : PROBLEMS;
        } catch (Exception e) {
            err.println("verification failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static LedgerVerifier.Checkpoint checkpoint(String[] args) {
        String index = option(args, "--checkpoint-index=");
        String hash = option(args, "--checkpoint-hash=");
        if (index == null && hash == null) {
            return null;
        }
        if (index == null || hash == null) {
            throw new IllegalArgumentException("give both --checkpoint-index and --checkpoint-hash");
        }
        return new LedgerVerifier.Checkpoint(Long.parseLong(index), hash);
    }

    private static String option(String[] args, String prefix) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .findFirst()
                .orElse(null);
    }

    public static void main(String[] args) {
        LedgerPlatform.keepAxonFromPhoningHome();
        System.exit(run(args, System.out, System.err));
    }
}
