-- UpdateConsentGranted revision 2: the consent notice the client was shown (null for revision-1 grants).
ALTER TABLE client_consent ADD COLUMN notice_version VARCHAR(40);
ALTER TABLE coach_consent ADD COLUMN notice_version VARCHAR(40);
ALTER TABLE compliance_consent ADD COLUMN notice_version VARCHAR(40);
