package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request bodies are bounded before anyone is authenticated or anything is parsed (docs/http-api.md, "Request limits").
 * The large bodies go over raw sockets: the test sees exactly what the server answers and when,
 * without a client library that insists on sending the whole body first.
 */
interface BodyLimitScenarios extends LedgerScenario {

    int MAX_BODY_BYTES = 256 * 1024;
    int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Test
    default void aTenMegabyteBodyIs413BeforeTheServerReadsIt() throws IOException {
        for (String user : new String[] {"hr-hana", null}) {
            long started = System.nanoTime();
            try (Socket socket = connect()) {
                send(
                        socket,
                        head("POST", "/api/v1/engagements", user) + "Content-Type: application/json\r\nContent-Length: "
                                + TEN_MEGABYTES + "\r\n\r\n");
                // a sliver of the body; the rest is never sent, so an answer proves it was not awaited
                send(socket, "{\"engagementId\":\"" + "x".repeat(64 * 1024));

                String answer = readAnswer(socket);

                System.out.printf(
                        "10 MB body (%s): answered after %.0f ms with 64 KB of it sent%n",
                        user == null ? "no credentials" : user, (System.nanoTime() - started) / 1e6);
                assertThat(answer)
                        .startsWith("HTTP/1.1 413")
                        .contains("application/problem+json")
                        .contains("\"status\":413")
                        .contains("at most " + MAX_BODY_BYTES + " bytes")
                        .doesNotContain("Exception");
            }
        }
    }

    @Test
    default void aChunkedBodyOverTheLimitIs413AndWithoutCredentials401() throws IOException {
        String body = "{\"engagementId\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
        try (Socket socket = connect()) {
            send(
                    socket,
                    head("POST", "/api/v1/engagements", "hr-hana")
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body));
            String answer = readAnswer(socket);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("at most " + MAX_BODY_BYTES + " bytes");
        }
        try (Socket socket = connect()) {
            send(
                    socket,
                    head("POST", "/api/v1/engagements", null)
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body));
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    default void aFreeTextFieldOverItsMaximumIs400NamingIt() {
        String engagementId = activeEngagement(2);
        LedgerHttp.Response longNotes = expect(400, logSession(engagementId, newId("session"), "n".repeat(20_001)));
        assertThat(longNotes.json().get("errors").findValuesAsText("field")).containsExactly("notes");

        LedgerHttp.Response longReason = expect(
                400,
                http().post(
                                path(engagementId, "closure"),
                                "hr-hana",
                                "{\"outcome\":\"COMPLETED\",\"reason\":\"" + "r".repeat(2_001) + "\"}"));
        assertThat(longReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        // at the maximum it is recorded
        expect(201, logSession(engagementId, newId("session"), "n".repeat(20_000)));
    }

    @Test
    default void deeplyNestedJsonIs400() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        LedgerHttp.Response response =
                http().post("/api/v1/engagements/eng-1/shortlist", "hr-hana", "{\"coachIds\":" + deep + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
        // the mapper that reads request bodies refuses it by itself, whatever the target type
        JsonMapper bodies = context().getBean(JsonMapper.class);
        assertThatThrownBy(() -> bodies.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        assertThat(bodies.readTree("[".repeat(30) + "]".repeat(30)).isArray()).isTrue();
    }

    /** Proves the request bodies go through the constrained parser: without it this would be a field error. */
    @Test
    default void aNumberLongerThanTheParserAcceptsIs400() {
        LedgerHttp.Response response = http().post(
                        "/api/v1/engagements/eng-1/budget-approval",
                        "boss-ben",
                        "{\"sessions\":" + "9".repeat(65) + ",\"amount\":1,\"currency\":\"EUR\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("detail").asText()).contains("number longer than 64 characters");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
        socket.connect(new InetSocketAddress(
                "127.0.0.1", Integer.parseInt(context().getEnvironment().getProperty("local.server.port"))));
        return socket;
    }

    private static String head(String method, String path, String user) {
        String credentials = user == null
                ? ""
                : "Authorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\r\n";
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials;
    }

    private static String chunked(String body) {
        StringBuilder chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += 8192) {
            String chunk = body.substring(start, Math.min(body.length(), start + 8192));
            chunks.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Status line, headers and the body as far as it came before the server closed or went quiet. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (IOException reset) {
            // the server may close (reset) the connection right after answering; what came is kept
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
