package coaching.ledger.platform.fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An unambiguous byte encoding of the values a fingerprint covers: every value starts with a tag
 * naming its kind, and every variable-length part is preceded by its length, so no two different
 * sequences of values encode alike ({@code ["a","b"]} is not {@code ["a, b"]}, null is not
 * {@code "null"}, 1 is not {@code "1"}). Sets are encoded in a canonical (sorted) order, so a set's
 * iteration order never changes a fingerprint; amounts are compared as numbers, so 9600.00 and 9600.0
 * encode alike. A type it does not know is refused rather than guessed at through {@code toString}.
 */
public final class TypedEncoding {

    private static final byte NULL = 'N';
    private static final byte STRING = 'S';
    private static final byte INTEGER = 'I';
    private static final byte BOOLEAN = 'B';
    private static final byte DECIMAL = 'D';
    private static final byte ENUM = 'E';
    private static final byte INSTANT = 'T';
    private static final byte DATE = 'L';
    private static final byte LIST = '[';
    private static final byte SET = '{';
    private static final byte RECORD = 'R';

    private TypedEncoding() {}

    /** The encoding of this sequence of values (itself encoded as a list). */
    public static byte[] of(Object... values) {
        return encode(Arrays.asList(values));
    }

    private static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.writeByte(INTEGER);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof BigDecimal amount) {
            BigDecimal canonical = amount.stripTrailingZeros();
            out.writeByte(DECIMAL);
            out.writeInt(canonical.scale());
            writeBytes(out, canonical.unscaledValue().toByteArray());
        } else if (value instanceof BigInteger number) {
            write(out, new BigDecimal(number));
        } else if (value instanceof Enum<?> constant) {
            out.writeByte(ENUM);
            writeBytes(out, constant.name().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof Set<?> set) {
            writeElements(
                    out,
                    SET,
                    set.stream()
                            .map(TypedEncoding::encode)
                            .sorted(Arrays::compareUnsigned)
                            .toList());
        } else if (value instanceof Collection<?> list) {
            writeElements(out, LIST, list.stream().map(TypedEncoding::encode).toList());
        } else if (value instanceof Record record) {
            out.writeByte(RECORD);
            writeBytes(out, record.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            writeElements(
                    out,
                    LIST,
                    components(record).stream().map(TypedEncoding::encode).toList());
        } else {
            throw new IllegalArgumentException(
                    "no typed encoding for " + value.getClass().getName());
        }
    }

    private static void writeElements(DataOutputStream out, byte tag, List<byte[]> elements) throws IOException {
        out.writeByte(tag);
        out.writeInt(elements.size());
        for (byte[] element : elements) {
            out.write(element); // each element is self-delimiting
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static List<Object> components(Record record) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                values.add(component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
            }
        }
        return values;
    }
}
