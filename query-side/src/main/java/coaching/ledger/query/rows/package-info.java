/**
 * How a view writes its rows. The rules:
 * <ul>
 * <li>Projections write only through {@link coaching.ledger.query.rows.ViewWrites}: a statement
 *     ({@code sql}) or an upsert ({@link coaching.ledger.query.rows.Row#upsertIn}) names its partition
 *     (the engagement, or the coach for the roster) and touches no other partition's rows.</li>
 * <li>Inside a processor's batch (an Axon unit of work) writes are collected and sent when the batch
 *     commits, in its transaction, as JDBC batches: one partition's statements in the order they were
 *     issued, partitions independent of each other. Outside a unit of work a write runs at once. A
 *     handler that reads its own view first calls {@code flush()}.</li>
 * <li>Upserts are keyed on the table's key and set only the columns they name, so an event delivered
 *     again (a retried batch, a retried parked event) leaves the row as the first time did.</li>
 * <li>Column conventions ({@link coaching.ledger.query.rows.Sql}): instants as TIMESTAMP WITH TIME ZONE
 *     in UTC, enums by name, id lists and scopes comma-joined (scopes in declaration order). Table and
 *     column names are the projections' constants, never input; values are always bound.</li>
 * <li>A refused statement is described by its text, exception types and SQLState, never by the
 *     database's message, which may quote confidential values ({@link coaching.ledger.query.rows.Failures},
 *     {@link coaching.ledger.query.rows.ViewWriteFailed}).</li>
 * <li>{@link coaching.ledger.query.rows.ViewTables#clear} is for a projection's reset handler only;
 *     {@code discard} and {@code VIEW_RESOURCE} of ViewWrites are for the dead-letter handling
 *     ({@code projections.deadletters}) only.</li>
 * </ul>
 * This package knows no view and no event: it depends on no other package of the query side.
 */
package coaching.ledger.query.rows;
