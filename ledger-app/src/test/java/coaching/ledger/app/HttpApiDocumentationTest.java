package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/http-api.md, the HTTP contract, and the OpenAPI description the running ledger publishes name the same
 * endpoints: each {@code ### METHOD /path} heading of the document is an operation of {@code /v3/api-docs}, and
 * each operation there has its heading. An endpoint added, removed or renamed on one side only fails here.
 */
class HttpApiDocumentationTest extends LedgerIntegrationTest {

    private static final Pattern ENDPOINT_HEADING =
            Pattern.compile("^### (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE) (/\\S*)\\s*$", Pattern.MULTILINE);
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void theHttpContractDocumentsExactlyTheEndpointsOfTheApiDescription() throws IOException {
        Set<String> described =
                operations(expect(200, http().get("/v3/api-docs", null)).json());
        Set<String> documented =
                endpointHeadings(Files.readString(repositoryRoot().resolve("docs/http-api.md")));

        assertThat(described).as("operations of /v3/api-docs").isNotEmpty();
        assertThat(new TreeSet<>(documented))
                .as("headings of docs/http-api.md without an operation in /v3/api-docs")
                .isSubsetOf(described);
        assertThat(new TreeSet<>(described))
                .as("operations of /v3/api-docs without a heading in docs/http-api.md")
                .isSubsetOf(documented);
    }

    private static Set<String> operations(JsonNode api) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    static Set<String> endpointHeadings(String markdown) {
        Set<String> headings = new TreeSet<>();
        Matcher heading = ENDPOINT_HEADING.matcher(markdown);
        while (heading.find()) {
            headings.add(heading.group(1) + " " + heading.group(2));
        }
        return headings;
    }

    /** Maven runs a module's tests in the module's directory: the root is the nearest parent aggregating modules. */
    private static Path repositoryRoot() throws IOException {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path pom = directory.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                return directory;
            }
        }
        throw new IllegalStateException(
                "no aggregating pom.xml above " + Path.of("").toAbsolutePath());
    }
}
