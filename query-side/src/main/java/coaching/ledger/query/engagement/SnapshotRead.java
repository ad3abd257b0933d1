package coaching.ledger.query.engagement;

import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a view answers: in a read-only transaction at repeatable read. One answer takes several
 * queries (the engagement rows, then their child rows, each read once through an
 * {@link EngagementFilter}), and repeatable read makes them all see one consistent snapshot while the
 * view's processor keeps writing, so an answer never shows a version whose rows it lacks.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public @interface SnapshotRead {}
