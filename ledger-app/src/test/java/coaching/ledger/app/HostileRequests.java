package coaching.ledger.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a careless or hostile client sends to the command endpoints: bodies, path ids, headers and
 * bytes, each a valid request with one thing broken so that the break is what the ledger must handle.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "__raw__";

    /** A command endpoint, who may call it, and a body it accepts; {id} becomes a fresh id per request. */
    record Endpoint(String path, String actor, String validBody) {
        @Override
        public String toString() {
            return "POST " + path + " as " + actor;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/coaches", "hr-hana", """
                    {"coachId":"{id}","displayName":"Fuzzy","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],\
                    "yearsExperience":5,"specialties":["leadership"]}"""),
            new Endpoint("/api/v1/engagements", "hr-hana", """
                    {"engagementId":"{id}","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}"""),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/shortlist",
                    "hr-hana",
                    "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/coach-selection",
                    "client-cara",
                    "{\"coachId\":\"coach-cole\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/budget-approval",
                    "boss-ben",
                    "{\"sessions\":50,\"amount\":12000.00,\"currency\":\"EUR\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/sessions",
                    "coach-cole",
                    "{\"sessionId\":\"{id}\",\"heldOn\":\"" + LocalDate.now().minusDays(1)
                            + "\",\"durationMinutes\":60,\"notes\":\"we talked\"}"),
            new Endpoint("/api/v1/engagements/{engagementId}/consents", "client-cara", """
                    {"consentId":"{id}","audience":"BOSS","scopes":["PROGRESS"],"validUntil":"2099-01-01T00:00:00Z","purpose":"review"}"""),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/consents/{consentId}/revocation",
                    "client-cara",
                    "{\"reason\":\"changed my mind\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/update-requests",
                    "boss-ben",
                    "{\"requestId\":\"{id}\",\"scope\":\"PROGRESS\",\"message\":\"how is it going?\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/updates",
                    "coach-cole",
                    "{\"updateId\":\"{id}\",\"audience\":\"HR\",\"scope\":\"GOALS\",\"content\":\"on track\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/updates",
                    "client-cara",
                    "{\"updateId\":\"{id}\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/satisfaction",
                    "client-cara",
                    "{\"score\":4,\"comment\":\"good\"}"),
            new Endpoint(
                    "/api/v1/engagements/{engagementId}/closure",
                    "boss-ben",
                    "{\"outcome\":\"COMPLETED\",\"reason\":\"goals met\"}"),
            new Endpoint("/api/v1/admin/projections/{name}/replay", "admin-ada", ""),
            new Endpoint("/api/v1/admin/projections/{name}/dead-letters/retry", "admin-ada", ""));

    /** JSON values of every type and edge, written as raw JSON text (so lone surrogates can be escaped). */
    private static final List<String> ODD_VALUES = List.of(
            "null",
            "true",
            "0",
            "-0",
            "-1",
            "2147483648",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1e999999",
            "1.5e-400",
            "0.1",
            "[]",
            "{}",
            "[null]",
            "[[]]",
            "[{}]",
            "[1,2,3]",
            "{\"a\":1}",
            "\"\"",
            "\"   \"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\udc00x\\ud800\"",
            "\"\\u202e\\u200b\\ufeff\"",
            "\"\\n\\r\\t\"",
            "\"PROGRESS\"",
            "\"progress\"",
            "\"BOSS \"",
            "\"2026-02-30\"",
            "\"2026-13-01\"",
            "\"+999999999-12-31\"",
            "\"-999999999-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59.999999999Z\"",
            "\"1e3\"",
            "\"NaN\"",
            "\"%s\"",
            "\"${jndi:ldap://x}\"",
            "\"<script>\"",
            "\"' OR 1=1 --\"",
            "\"../../etc/passwd\"",
            "\"\\\\\"",
            "\"\\/\"",
            "\"a\\\"b\"",
            "\"\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB\"",
            "\"\u00e9\u0301\u4e2d\u0627\"");

    /** Whole bodies that are not what any endpoint reads. */
    private static final List<String> ODD_BODIES = List.of(
            "",
            " ",
            "null",
            "true",
            "42",
            "\"text\"",
            "[]",
            "{}",
            "[{}]",
            "{",
            "}",
            "{\"a\":}",
            "{\"a\" 1}",
            "{,}",
            "{\"a\":1,}",
            "{'a':1}",
            "{a:1}",
            "/* c */ {}",
            "{\"a\":1} {\"b\":2}",
            "{\"a\":1}garbage",
            "\u0000",
            "\uFEFF{}",
            "<xml/>",
            "a=1&b=2",
            "--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--boundary--");

    private static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xFF),
            bytes(0xFE, 0xFF),
            bytes(0xC3, 0x28),
            bytes(0xC0, 0xAF),
            bytes(0xE0, 0x80, 0xAF),
            bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
            bytes(0x80),
            bytes(0xE2, 0x82),
            bytes(0x00),
            bytes(0xC2));

    private HostileRequests() {}

    /** A valid body of the endpoint with one thing broken, or not JSON of the right shape at all. */
    static Arbitrary<String> mutatedBody(Endpoint endpoint) {
        if (endpoint.validBody().isEmpty()) {
            return Arbitraries.oneOf(Arbitraries.of(ODD_BODIES), Arbitraries.of(ODD_VALUES));
        }
        ObjectNode valid = parse(endpoint.validBody());
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        Arbitrary<String> field = Arbitraries.of(fields);
        Arbitrary<String> oddText = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .withChars('\u007f', '\u0085', '\u2028', '\u202e', '\ufeff', '\uffff', '\ud800', '\udfff')
                        .ofMinLength(1)
                        .ofMaxLength(10));
        return Arbitraries.frequencyOf(
                Tuple.of(3, field.map(name -> write(without(valid, name)))),
                Tuple.of(
                        6,
                        Combinators.combine(field, Arbitraries.of(ODD_VALUES))
                                .as((name, raw) -> withRaw(valid, name, raw))),
                Tuple.of(
                        3,
                        Combinators.combine(field, oddText)
                                .as((name, text) -> write(valid.deepCopy().put(name, text)))),
                Tuple.of(
                        2,
                        Combinators.combine(field, Arbitraries.of(ODD_VALUES))
                                .as((name, raw) -> "{\"" + name + "\":" + raw + ","
                                        + endpoint.validBody().substring(1))),
                Tuple.of(
                        2,
                        Combinators.combine(field, Arbitraries.integers().between(10_000, 400_000))
                                .as((name, length) -> withRaw(valid, name, "\"" + "x".repeat(length) + "\""))),
                Tuple.of(
                        2,
                        Combinators.combine(field, Arbitraries.integers().between(2, 5_000), Arbitraries.of("[]", "{}"))
                                .as((name, depth, brackets) -> withRaw(valid, name, nested(depth, brackets)))),
                Tuple.of(
                        2,
                        Combinators.combine(
                                        Arbitraries.strings()
                                                .alpha()
                                                .numeric()
                                                .withChars('_', '-', '$', '@')
                                                .ofMinLength(1)
                                                .ofMaxLength(30),
                                        Arbitraries.of(ODD_VALUES))
                                .as((name, raw) -> withRaw(valid, "zz" + name, raw))),
                Tuple.of(1, Arbitraries.just("[" + endpoint.validBody() + "]")),
                Tuple.of(2, Arbitraries.of(ODD_BODIES)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)));
    }

    /** An id for a path variable that no endpoint should take for a real one: long, encoded, traversing, foreign. */
    static Arbitrary<String> hostileId() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(65, 9_000).map("a"::repeat),
                Arbitraries.of(
                        "..",
                        ".",
                        "%2e%2e",
                        "..%2f..%2fcoaches",
                        "%2F",
                        "%5C",
                        "a%00b",
                        "%00",
                        "%ff",
                        "%c0%af",
                        "%e2%80%ae",
                        "%25",
                        "a;b",
                        ";jsessionid=1",
                        "a%3Bb",
                        "%20",
                        "+",
                        "a%0d%0aX-Injected:%201",
                        "..;",
                        "%252e%252e",
                        "a/../b",
                        "CON",
                        "*",
                        "~",
                        "-",
                        "_",
                        "...",
                        "0",
                        "%EF%BB%BF"),
                Arbitraries.strings()
                        .all()
                        .ofMinLength(1)
                        .ofMaxLength(30)
                        .map(text ->
                                URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    /** Headers of a JSON POST with something wrong: content types and charsets, encodings, sizes, ids. */
    static Arbitrary<Map<String, String>> hostileHeaders() {
        Arbitrary<String> contentType = Arbitraries.of(
                "application/json",
                "application/json;charset=UTF-8",
                "application/json; charset=ISO-8859-1",
                "application/json;charset=UTF-16",
                "application/json;charset=UTF-32BE",
                "application/json;charset=bogus",
                "application/json;charset=",
                "application/json;;",
                "application/json; q=x",
                "text/plain",
                "text/json",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=boundary",
                "application/problem+json",
                "application/merge-patch+json",
                "application/*",
                "*/*",
                "json",
                "",
                " ",
                "application/json, text/plain",
                "APPLICATION/JSON");
        Arbitrary<String> encoding =
                Arbitraries.of("gzip", "deflate", "br", "identity", "bogus", "gzip, gzip", "x-gzip");
        Arbitrary<String> accept = Arbitraries.of(
                "application/xml",
                "text/html",
                "text/event-stream",
                "*/*",
                "application/json;q=0",
                "image/png",
                "bogus");
        Arbitrary<String> correlation = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(100).filter(HostileRequests::headerSafe),
                Arbitraries.integers().between(100, 6_000).map("c"::repeat));
        Arbitrary<String> filler = Arbitraries.integers().between(1, 40_000).map("f"::repeat);
        return Combinators.combine(
                        contentType.injectNull(0.1),
                        encoding.injectNull(0.5),
                        accept.injectNull(0.5),
                        correlation.injectNull(0.6),
                        filler.injectNull(0.7))
                .as((type, contentEncoding, accepted, correlationId, fill) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    put(headers, "Content-Type", type);
                    put(headers, "Content-Encoding", contentEncoding);
                    put(headers, "Accept", accepted);
                    put(headers, "X-Correlation-Id", correlationId);
                    put(headers, "X-Filler", fill);
                    return headers;
                });
    }

    /** The valid body with bytes that are not UTF-8 put in at a position (inside a string value, or anywhere). */
    static Arbitrary<byte[]> invalidUtf8(Endpoint endpoint) {
        byte[] valid = endpoint.validBody().getBytes(StandardCharsets.UTF_8);
        int insideFirstString = Math.max(0, endpoint.validBody().indexOf(":\"") + 2);
        Arbitrary<Integer> position = Arbitraries.oneOf(
                Arbitraries.just(Math.min(insideFirstString, valid.length)),
                Arbitraries.integers().between(0, valid.length));
        return Combinators.combine(Arbitraries.of(INVALID_UTF8), position).as((bad, at) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(valid, 0, at);
            out.writeBytes(bad);
            out.write(valid, at, valid.length - at);
            return out.toByteArray();
        });
    }

    /** The body as text if it is UTF-8, else its first bytes in hex; long bodies cut short. */
    static String describe(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        boolean utf8 = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body);
        return utf8
                ? abbreviate(text)
                : "hex:" + HexFormat.of().formatHex(body, 0, Math.min(body.length, 300))
                        + (body.length > 300 ? "...(" + body.length + " bytes)" : "");
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }

    private static boolean headerSafe(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                && value.strip().equals(value);
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String nested(int depth, String brackets) {
        String open = brackets.equals("[]") ? "[" : "{\"a\":";
        String close = brackets.equals("[]") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static ObjectNode without(ObjectNode valid, String name) {
        ObjectNode copy = valid.deepCopy();
        copy.remove(name);
        return copy;
    }

    private static String withRaw(ObjectNode valid, String name, String raw) {
        return write(valid.deepCopy().put(name, RAW)).replace("\"" + RAW + "\"", raw);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
