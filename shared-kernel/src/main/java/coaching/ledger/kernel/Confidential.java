package coaching.ledger.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * Marks free text of a command, an event or a request body that stays between client and coach
 * (docs/security.md): session notes, update content, satisfaction comment, revocation reason, update request
 * message, closure reason. A record with such a component prints it masked ({@link Text#of}), so a
 * log line or exception message that carries the record never carries the text; the export's table
 * (query-side ExportedFields) redacts exactly these fields.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Confidential {

    /** What a confidential component prints as, whatever it holds (even null: presence is not told either). */
    String MASK = "<confidential>";

    /** {@code toString} of a record with {@link Confidential} components. */
    final class Text {

        private Text() {}

        /** Like a record's own {@code toString}, with every {@link Confidential} component masked. */
        public static String of(Record record) {
            StringJoiner fields = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.add(component.getName() + "="
                        + (component.isAnnotationPresent(Confidential.class)
                                ? MASK
                                : String.valueOf(read(component, record))));
            }
            return fields.toString();
        }

        private static Object read(RecordComponent component, Record record) {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible(); // a request body is a record nested in its package-private endpoint
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + component.getName() + " of a "
                                + record.getClass().getSimpleName(),
                        e);
            }
        }
    }
}
