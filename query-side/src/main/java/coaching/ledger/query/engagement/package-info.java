/**
 * The engagement facts several views keep the same way: the lifecycle and its status and budget,
 * the consents and their state, the update requests, the sessions of the coaching relationship, and
 * how a read selects engagements and their child rows. The rules:
 * <ul>
 * <li>These are helpers a projection holds as fields and calls from its own {@code @EventHandler}
 *     methods; they declare no handler themselves, so a projection's class alone lists every event its
 *     view consumes.</li>
 * <li>The view names the tables (e.g. {@code client_consent}); their layout is the same in every view
 *     that has them.</li>
 * <li>A party's view counts in its {@code version} only the events
 *     {@link coaching.ledger.kernel.visibility.PartyView} says it shows, each once however often it is
 *     delivered: {@link coaching.ledger.query.engagement.EngagementLifecycle} keeps that count, counting
 *     the lifecycle events itself, and a projection hands it each of its other events.</li>
 * <li>A view answers from one snapshot ({@link coaching.ledger.query.engagement.SnapshotRead}), reading
 *     the engagement rows and their child rows through the same
 *     {@link coaching.ledger.query.engagement.EngagementFilter}.</li>
 * <li>Confidential texts are stored as their events hold them (sealed envelopes, or plaintext stored
 *     before sealing) and opened only when a view answers a party entitled to them, through
 *     {@link coaching.ledger.query.engagement.ConfidentialTexts}, with the client id of the view's
 *     engagement row ({@link coaching.ledger.query.engagement.EngagementFilter#clientIds}).</li>
 * </ul>
 * It writes through {@code rows} and knows no view's slice.
 */
package coaching.ledger.query.engagement;
