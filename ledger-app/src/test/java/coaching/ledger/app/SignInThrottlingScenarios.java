package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per user name and per address (429 with Retry-After) and audited in
 * the database. Each scenario signs in from its own loopback address (127.0.0.x; Linux routes all of
 * 127/8 to the loopback interface), so no scenario throttles the others, which all come from 127.0.0.1.
 * Defaults: 5 failures per user name, 20 per address.
 */
interface SignInThrottlingScenarios extends LedgerScenario {

    String PROTECTED = "/api/v1/admin/projections";

    @Test
    default void aUserNameThatFailedTooOftenIs429WithRetryAfterFromAnyAddressAndOthersAreUnaffected() {
        String ghost = newId("ghost");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("127.0.0.2", ghost, "guess-" + i).status()).isEqualTo(401);
        }

        Answer throttled = signIn("127.0.0.2", ghost, "guess-5");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(signIn("127.0.0.3", ghost, "guess-6").status()).isEqualTo(429);

        // another user from the same address signs in as usual
        assertThat(signIn("127.0.0.2", "hr-hana", LedgerHttp.PASSWORD).status()).isEqualTo(403);

        List<JsonNode> audit = audit(ghost);
        assertThat(audit)
                .extracting(entry -> entry.path("type").asText())
                .containsExactlyInAnyOrder(
                        "AUTHENTICATION_FAILURE",
                        "AUTHENTICATION_FAILURE",
                        "AUTHENTICATION_FAILURE",
                        "AUTHENTICATION_FAILURE",
                        "AUTHENTICATION_FAILURE",
                        "AUTHENTICATION_THROTTLED");
        assertThat(audit)
                .allSatisfy(entry ->
                        assertThat(entry.path("remoteAddress").asText()).isEqualTo("127.0.0.2"));
        assertThat(audit.toString()).doesNotContain("guess"); // never the password tried; refused attempts add no row
    }

    @Test
    default void anAddressTryingManyUserNamesIs429ForEveryoneThereAndOnlyThere() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("127.0.0.4", newId("spray"), "guess").status()).isEqualTo(401);
        }

        Answer throttled = signIn("127.0.0.4", "hr-hana", LedgerHttp.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(signIn("127.0.0.5", "hr-hana", LedgerHttp.PASSWORD).status()).isEqualTo(403);
        expect(200, http().get(PROTECTED, "admin-ada"));
    }

    @Test
    default void theRightPasswordForgivesTheUsersFailures() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(signIn("127.0.0.6", "integrator-ivy", "wrong").status())
                        .isEqualTo(401);
            }
            assertThat(signIn("127.0.0.6", "integrator-ivy", LedgerHttp.PASSWORD)
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    default void onlyAdministratorsAndComplianceReadTheAuditAndAnonymousRequestsAddNothing() {
        expect(401, http().get(PROTECTED, null));
        expect(403, http().get("/api/v1/admin/sign-in-audit", "client-cara"));
        expect(200, http().get("/api/v1/admin/sign-in-audit", "admin-ada"));
        JsonNode all = expect(200, http().get("/api/v1/admin/sign-in-audit", "compliance-cy"))
                .json();
        all.forEach(entry ->
                assertThat(entry.path("type").asText()).isIn("AUTHENTICATION_FAILURE", "AUTHENTICATION_THROTTLED"));
    }

    private List<JsonNode> audit(String user) {
        List<JsonNode> entries = new ArrayList<>();
        expect(200, http().get("/api/v1/admin/sign-in-audit?user=" + user, "compliance-cy"))
                .json()
                .forEach(entries::add);
        return entries;
    }

    record Answer(int status, String head) {

        String header(String name) {
            return head.lines()
                    .filter(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(line -> line.substring(name.length() + 1).trim())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One GET with HTTP Basic, sent from the given loopback address. */
    private Answer signIn(String fromAddress, String user, String password) {
        int port = Integer.parseInt(context().getEnvironment().getProperty("local.server.port"));
        try (Socket socket = new Socket()) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream()
                    .write(("GET " + PROTECTED + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            return new Answer(Integer.parseInt(head.substring(9, 12)), head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
