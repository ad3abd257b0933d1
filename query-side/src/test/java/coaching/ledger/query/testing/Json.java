package coaching.ledger.query.testing;

import tools.jackson.databind.json.JsonMapper;

/** A view's answer as the HTTP API would write it, for checks on what it exposes. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String of(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
