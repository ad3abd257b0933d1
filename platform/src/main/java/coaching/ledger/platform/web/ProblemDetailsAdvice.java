package coaching.ledger.platform.web;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.axon.CommandRejections;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns every failure into an RFC 9457 problem; a stack trace never reaches the caller. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** How Jackson's parser words a key given twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final String DUPLICATE_PROPERTY = "Duplicate Object property";
    /** ... and content after the JSON value (DeserializationFeature.FAIL_ON_TRAILING_TOKENS). */
    private static final String TRAILING_TOKEN = "Trailing token";

    private final Duration databaseRetryAfter;

    public ProblemDetailsAdvice(@Value("${ledger.web.database-retry-after}") Duration databaseRetryAfter) {
        this.databaseRetryAfter = databaseRetryAfter;
    }

    @ExceptionHandler(Rejection.class)
    ProblemDetail rejected(Rejection rejection) {
        return switch (rejection.kind()) {
            case INVALID ->
                ProblemResponses.invalid(List.of(new FieldError(rejection.field(), rejection.getMessage())));
            case FORBIDDEN ->
                withReason(
                        ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", rejection.getMessage()), rejection);
            case NOT_FOUND -> ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not found", rejection.getMessage());
            case CONFLICT ->
                withReason(
                        ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict", rejection.getMessage()), rejection);
        };
    }

    /** A refusal with a stable code ({@code NOT_SELECTED_COACH}, {@code CLIENT_DATA_ERASED}, ...) names it. */
    private static ProblemDetail withReason(ProblemDetail problem, Rejection rejection) {
        if (rejection.reason() != null) {
            problem.setProperty("reason", rejection.reason());
        }
        return problem;
    }

    /** A command failure: its rejection when it was one (see CommandRejections), otherwise unexpected. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e, HttpServletResponse response) {
        return CommandRejections.of(e).map(this::rejected).orElseGet(() -> unexpected(e, response));
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ProblemDetail invalidCommand(JSR303ViolationException e) {
        return ProblemResponses.invalid(fieldErrors(e.getViolations()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidArguments(ConstraintViolationException e) {
        return ProblemResponses.invalid(fieldErrors(e.getConstraintViolations()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemResponses.invalid(List.of(new FieldError(e.getName(), "is not a valid value")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", "your role may not do this");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemResponses.problem(
                HttpStatus.NOT_FOUND, "Not found", "no such engagement: " + e.getAggregateIdentifier());
    }

    /** Retried already (see the command gateway): the conflict persisted. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentModification(Exception e) {
        return ProblemResponses.problem(
                HttpStatus.CONFLICT, "Conflict", "the engagement was changed concurrently; retry the command");
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e) {
        return ProblemResponses.tooManyRequests(e.getMessage(), e.retryAfter());
    }

    @ExceptionHandler(NotYetAvailable.class)
    ResponseEntity<ProblemDetail> notYetAvailable(NotYetAvailable e) {
        return ProblemResponses.notYetAvailable(e.getMessage(), e.retryAfter());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseOutage.caused(e)) {
            return databaseUnavailable(e, response);
        }
        log.error("unexpected failure", e);
        return ProblemResponses.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the request failed unexpectedly; nothing was recorded for it");
    }

    /**
     * The database cannot be reached (docs/store-guarantees.md, "Database outage"): a passing condition, so 503 with
     * Retry-After rather than 500. A command may have been committed just before its connection broke;
     * retrying it is safe either way, since a repeat of a recorded command answers 200 and records nothing.
     */
    private ProblemDetail databaseUnavailable(Exception e, HttpServletResponse response) {
        log.warn(
                "database unavailable: {}",
                NestedExceptionUtils.getMostSpecificCause(e).toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(databaseRetryAfter.toSeconds()));
        return ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Database unavailable",
                "the ledger cannot reach its database; retry after " + databaseRetryAfter.toSeconds()
                        + " s (a retry of the same command is safe: if it was recorded after all, it answers 200)");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the body's reader gave up with an answer of its own (RequestBodyLimit: 413)
        if (e.getMostSpecificCause() instanceof ErrorResponseException refused) {
            return ResponseEntity.status(refused.getStatusCode()).body(refused.getBody());
        }
        return ResponseEntity.badRequest().body(unreadable(e.getMostSpecificCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(ProblemResponses.invalid(errors));
    }

    static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ProblemResponses.invalid(List.of(new FieldError(path(unknown), "unknown property")));
        }
        if (cause instanceof StreamReadException duplicate
                && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith(DUPLICATE_PROPERTY)
                && duplicate.processor() != null) {
            return ProblemResponses.invalid(List.of(
                    new FieldError(path(duplicate.processor().streamReadContext()), "is given more than once")));
        }
        if (cause instanceof MismatchedInputException trailing
                && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith(TRAILING_TOKEN)) {
            return ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST, "Malformed request", "the body has more after its JSON value");
        }
        if (cause instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return ProblemResponses.invalid(List.of(new FieldError(
                    path(invalid),
                    "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()))));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return ProblemResponses.invalid(List.of(new FieldError(path(mismatched), "has the wrong type or format")));
        }
        if (cause instanceof StreamConstraintsException) {
            return ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST, "Malformed request", RequestBodyLimit.PARSER_LIMITS);
        }
        if (cause instanceof JacksonException) {
            return ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST, "Malformed request", "the body is not well-formed JSON");
        }
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Malformed request", "a JSON body is required");
    }

    /** Where the parser stood when it failed: the duplicated key itself, with its objects and arrays. */
    private static String path(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                segments.add(0, "." + at.currentName());
            } else if (at.inArray() && at.hasCurrentIndex()) {
                segments.add(0, "[" + at.getCurrentIndex() + "]");
            }
        }
        String field = String.join("", segments);
        return field.startsWith(".") ? field.substring(1) : field;
    }

    private static String path(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldError(field(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** {@code coachIds[1]} or {@code certifications[0].body}, as the caller wrote the request. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey() != null ? node.getKey() : "")
                        .append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
