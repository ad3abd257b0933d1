package coaching.ledger.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Confidential text never reaches a log line through a command's or event's {@code toString}. */
class ConfidentialTest {

    private static final String CANARY = "CANARY-TEXT";

    /** The free text of docs/security.md: command and event, both sides of each. */
    private static final Map<String, Set<String>> FREE_TEXT = Map.of(
            "notes", Set.of("LogSession", "SessionLogged"),
            "content", Set.of("ShareUpdate", "UpdateShared"),
            "comment", Set.of("RecordSatisfaction", "SatisfactionRecorded"),
            "message", Set.of("RequestUpdate", "UpdateRequested"),
            "reason", Set.of("RevokeUpdateConsent", "UpdateConsentRevoked", "CloseEngagement", "EngagementClosed"));

    @Test
    void everyFreeTextFieldIsMarkedConfidential() {
        FREE_TEXT.forEach((field, records) -> records.forEach(name -> {
            RecordComponent component = Arrays.stream(kernelRecord(name).getRecordComponents())
                    .filter(candidate -> candidate.getName().equals(field))
                    .findFirst()
                    .orElseThrow();
            assertThat(component.isAnnotationPresent(Confidential.class))
                    .as("%s.%s", name, field)
                    .isTrue();
        }));
    }

    @Test
    void aRecordWithConfidentialTextPrintsItMaskedAndEverythingElseAsRecorded() {
        List<Class<?>> confidential = kernelRecords()
                .filter(type -> Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.isAnnotationPresent(Confidential.class)))
                .toList();
        assertThat(confidential).hasSize(12);
        for (Class<?> type : confidential) {
            Record record = withEveryStringSetTo(type, CANARY);
            String printed = record.toString();
            assertThat(printed)
                    .as(type.getSimpleName())
                    .doesNotContain(CANARY + "-" + confidentialField(type))
                    .startsWith(type.getSimpleName() + "[")
                    .contains(Confidential.MASK);
            Arrays.stream(type.getRecordComponents())
                    .filter(component ->
                            component.getType() == String.class && !component.isAnnotationPresent(Confidential.class))
                    .forEach(component -> assertThat(printed)
                            .as(type.getSimpleName())
                            .contains(component.getName() + "=" + CANARY + "-" + component.getName()));
        }
    }

    private static String confidentialField(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(Confidential.class))
                .findFirst()
                .orElseThrow()
                .getName();
    }

    private static Record withEveryStringSetTo(Class<?> type, String text) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(component -> sample(component, text))
                .toArray();
        try {
            return (Record) type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sample(RecordComponent component, String text) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return text + "-" + component.getName();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        throw new IllegalStateException("no sample for " + type);
    }

    private static Class<?> kernelRecord(String simpleName) {
        return kernelRecords()
                .filter(type -> type.getSimpleName().equals(simpleName))
                .findFirst()
                .orElseThrow();
    }

    /** Every record of the kernel's compiled classes: a new command or event is checked without a list to keep. */
    private static Stream<Class<?>> kernelRecords() {
        try {
            Path root = Path.of(Confidential.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files
                        .filter(file -> file.toString().endsWith(".class")
                                && !file.toString().contains("$"))
                        .map(file -> root.relativize(file)
                                .toString()
                                .replace(root.getFileSystem().getSeparator(), ".")
                                .replaceAll("\\.class$", ""))
                        .map(ConfidentialTest::load)
                        .filter(Class::isRecord)
                        .toList()
                        .stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
