package coaching.ledger.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictRequestJsonTest {

    enum Audience {
        BOSS,
        HR
    }

    record Certification(String body, LocalDate validUntil) {}

    /** Boxed like the ledger's commands: a missing field is null, for bean validation to name. */
    record Command(
            String id,
            Integer sessions,
            Boolean final_,
            BigDecimal amount,
            Audience audience,
            List<Certification> certifications) {}

    record Counter(int count) {}

    /** Lenient like Boot's own mapper, so the test shows what the strict copy changes. */
    private static final JsonMapper STRICT = StrictRequestJson.strict(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    @Test
    void aWellFormedCommandIsReadAsBefore() {
        Command command = STRICT.readValue("""
                {"id":"c-1","sessions":5,"final_":true,"amount":12000,"audience":"BOSS",
                 "certifications":[{"body":"ICF","validUntil":"2030-01-01"}]}""", Command.class);
        assertThat(command.sessions()).isEqualTo(5);
        assertThat(command.amount()).isEqualByComparingTo("12000");
        assertThat(command.certifications().get(0).validUntil()).isEqualTo(LocalDate.of(2030, 1, 1));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":\"c-1\",\"validUntill\":\"2030-01-01\"}                    | validUntill                | unknown property",
                "{\"certifications\":[{\"body\":\"ICF\"},{\"bodyy\":\"ICF\"}]}       | certifications[1].bodyy    | unknown property",
                "{\"id\":\"c-1\",\"id\":\"c-2\"}                                    | id                         | is given more than once",
                "{\"certifications\":[{\"body\":\"a\",\"body\":\"b\"}]}             | certifications[0].body     | is given more than once",
                "{\"sessions\":\"5\"}                                               | sessions                   | has the wrong type or format",
                "{\"sessions\":5.5}                                                 | sessions                   | has the wrong type or format",
                "{\"final_\":\"true\"}                                              | final_                     | has the wrong type or format",
                "{\"final_\":1}                                                     | final_                     | has the wrong type or format",
                "{\"id\":true}                                                      | id                         | has the wrong type or format",
                "{\"id\":5}                                                         | id                         | has the wrong type or format",
                "{\"amount\":\"12.00\"}                                             | amount                     | has the wrong type or format",
                "{\"audience\":0}                                                   | audience                   | must be one of [BOSS, HR]",
            })
    void aBodyNotExactlyAsTheCommandIsA400NamingTheField(String body, String field, String message) {
        ProblemDetail problem = ProblemDetailsAdvice.unreadable(failure(body));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("errors", List.of(new FieldError(field, message)));
    }

    @Test
    void nullForAPrimitiveIsA400NamingTheField() {
        ProblemDetail problem = ProblemDetailsAdvice.unreadable(failure("{\"count\":null}", Counter.class));
        assertThat(problem.getProperties())
                .containsEntry("errors", List.of(new FieldError("count", "has the wrong type or format")));
    }

    @Test
    void anythingAfterTheJsonValueIsMalformed() {
        ProblemDetail problem = ProblemDetailsAdvice.unreadable(failure("{\"id\":\"c-1\"} {\"id\":\"c-2\"}"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("the body has more after its JSON value");
    }

    private static JacksonException failure(String body) {
        return failure(body, Command.class);
    }

    private static JacksonException failure(String body, Class<?> type) {
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(body, type));
        assertThat(failure).as("reading " + body).isNotNull();
        return failure;
    }
}
