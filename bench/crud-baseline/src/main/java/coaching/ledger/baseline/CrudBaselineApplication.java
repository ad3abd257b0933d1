package coaching.ledger.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The CRUD service a team would build instead of the ledger (issue 16): rows in PostgreSQL through
 * JPA, the audit trail from Hibernate Envers. It answers the ledger's share-update contract so the
 * bench can measure both with the same driver.
 */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
