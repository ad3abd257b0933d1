package coaching.ledger.kernel;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An identifier chosen by the caller: 1 to 64 characters of {@code [A-Za-z0-9._-]}. */
@NotNull
@Pattern(regexp = LedgerId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.RECORD_COMPONENT,
    ElementType.ANNOTATION_TYPE
})
public @interface LedgerId {

    String PATTERN = "[A-Za-z0-9._-]{1,64}";

    String message() default "must be 1 to 64 characters of [A-Za-z0-9._-]";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
