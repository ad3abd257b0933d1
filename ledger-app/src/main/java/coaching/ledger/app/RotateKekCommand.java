package coaching.ledger.app;

import coaching.ledger.platform.LedgerPlatform;
import coaching.ledger.platform.sealing.KekRotation;
import coaching.ledger.platform.sealing.KeyEncryptionKey;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;

/**
 * {@code java -jar ledger-app.jar rotate-kek [--spring.datasource.url=...] [--ledger.keys.kek-file=...]}:
 * rotates the key-encryption key the ledger is configured with (docs/operations.md, "Rotating the
 * key-encryption key") without the web server and without migrating, prints what it did as JSON and
 * exits 0 when done, 2 when it could not rotate. All the work is {@link KekRotation}'s.
 */
public final class RotateKekCommand {

    static final int ROTATED = 0;
    static final int FAILED = 2;

    private RotateKekCommand() {}

    /** Only the database; deliberately not a @Configuration, so the app's component scan skips it. */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @Import(LedgerPlatform.class)
    static class RotationContext {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RotationContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn")
                .run(args)) {
            KekRotation.Report report = new KekRotation(new JdbcTemplate(context.getBean(DataSource.class)))
                    .rotate(context.getEnvironment());
            out.println(new ObjectMapper()
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
            if (report.newKek() != null) {
                err.println("nothing re-wrapped yet: set " + KeyEncryptionKey.KEY + " ("
                        + KeyEncryptionKey.ENVIRONMENT_VARIABLE
                        + ") to newKek in every ledger process, restart them, then run rotate-kek again");
            }
            return ROTATED;
        } catch (Exception e) {
            err.println("rotation failed: " + reason(e));
            return FAILED;
        }
    }

    /** With the most specific cause: "Failed to obtain JDBC Connection" alone does not say that the ledger still runs. */
    private static String reason(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause == e || cause.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    public static void main(String[] args) {
        LedgerPlatform.keepAxonFromPhoningHome();
        System.exit(run(args, System.out, System.err));
    }
}
