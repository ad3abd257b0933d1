package coaching.ledger.baseline.sharing;

import coaching.ledger.baseline.engagement.Audience;
import coaching.ledger.baseline.engagement.Scope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The ledger's share-update body: {@code {"updateId","audience","scope","content"}}. */
public record ShareUpdate(String updateId, String audience, String scope, String content) {

    /** The ledger's limit for an update's content, in characters. */
    static final int MAX_CONTENT = 20_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** What is wrong with the body, by field name (empty when nothing): the ledger's 400 names the field. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (updateId == null || !ID.matcher(updateId).matches()) {
            problems.put("updateId", "must be 1 to 64 characters of [A-Za-z0-9._-]");
        }
        if (!oneOf(audience, Audience.values())) {
            problems.put("audience", "must be one of " + Arrays.toString(Audience.values()));
        }
        if (!oneOf(scope, Scope.values())) {
            problems.put("scope", "must be one of " + Arrays.toString(Scope.values()));
        }
        if (content == null || content.isBlank()) {
            problems.put("content", "must not be blank");
        } else if (content.length() > MAX_CONTENT) {
            problems.put("content", "must be at most " + MAX_CONTENT + " characters");
        }
        return problems;
    }

    private static boolean oneOf(String value, Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> known : values) {
            names.add(known.name());
        }
        return value != null && names.contains(value);
    }
}
