package coaching.ledger.platform.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12, finding 6: values that differ never encode alike; the same value always does. */
class TypedEncodingTest {

    enum Colour {
        RED,
        GREEN
    }

    record Pair(String first, String second) {}

    record OtherPair(String first, String second) {}

    static Stream<Arguments> differentValues() {
        return Stream.of(
                Arguments.of(List.of(List.of("a", "b")), List.of(List.of("a, b"))),
                Arguments.of(List.of(List.of("a", "b")), List.of("a", "b")),
                Arguments.of(List.of("ab", "c"), List.of("a", "bc")),
                Arguments.of(Arrays.asList((Object) null), List.of("null")),
                Arguments.of(List.of(1), List.of("1")),
                Arguments.of(List.of(1), List.of(true)),
                Arguments.of(List.of(Colour.RED), List.of("RED")),
                Arguments.of(List.of(List.of()), List.of("")),
                Arguments.of(List.of(List.of("")), List.of(List.of())),
                Arguments.of(List.of(new BigDecimal("9600")), List.of(new BigDecimal("960"))),
                Arguments.of(List.of(Instant.EPOCH), List.of(LocalDate.EPOCH)),
                Arguments.of(List.of(new Pair("a", "b")), List.of(new OtherPair("a", "b"))),
                Arguments.of(List.of(new Pair("a", "b")), List.of(new Pair("b", "a"))),
                Arguments.of(List.of(Set.of("a")), List.of(List.of("a"))));
    }

    @ParameterizedTest
    @MethodSource("differentValues")
    void differentValuesEncodeDifferently(List<Object> one, List<Object> other) {
        assertThat(TypedEncoding.of(one.toArray())).isNotEqualTo(TypedEncoding.of(other.toArray()));
    }

    @Test
    void anAmountIsEncodedByItsValueNotItsScale() {
        assertThat(TypedEncoding.of(new BigDecimal("9600.00")))
                .isEqualTo(TypedEncoding.of(new BigDecimal("9600.0")))
                .isEqualTo(TypedEncoding.of(new BigDecimal("9.6E+3")));
        assertThat(TypedEncoding.of(new BigDecimal("0.00"))).isEqualTo(TypedEncoding.of(BigDecimal.ZERO));
    }

    @Test
    void aSetIsEncodedInOneOrderWhateverItsIterationOrder() {
        Set<String> inserted = new LinkedHashSet<>(List.of("b", "a", "c"));
        assertThat(TypedEncoding.of(inserted)).isEqualTo(TypedEncoding.of(new TreeSet<>(inserted)));
        assertThat(TypedEncoding.of(EnumSet.of(Colour.GREEN, Colour.RED)))
                .isEqualTo(TypedEncoding.of(new LinkedHashSet<>(List.of(Colour.GREEN, Colour.RED))));
    }

    @Test
    void integersOfEveryWidthAreOneNumber() {
        assertThat(TypedEncoding.of(12)).isEqualTo(TypedEncoding.of(12L));
    }

    @Test
    void anUnknownTypeIsRefusedRatherThanEncodedByItsText() {
        assertThatThrownBy(() -> TypedEncoding.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
