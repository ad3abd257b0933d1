-- Failed sign-ins, and the waits they began (platform security/signin, README "Sign-in throttling"):
-- the user name as sent (cut to 200 characters), the client address, what happened. Never the password
-- tried. Attempts refused during a wait are not rows (one row per wait), so a flood of refused attempts
-- cannot fill the table. Rows older than ledger.security.sign-in.audit-retention are deleted.
CREATE TABLE security_audit_event (
    id            BIGSERIAL                PRIMARY KEY,
    occurredAt    TIMESTAMP WITH TIME ZONE NOT NULL,
    principal     VARCHAR(200)             NOT NULL,
    type          VARCHAR(64)              NOT NULL,
    remoteAddress VARCHAR(100),
    detail        VARCHAR(500)
);
CREATE INDEX ix_security_audit_event_occurred ON security_audit_event (occurredAt);
