--liquibase formatted sql

--changeset spiegel:0021-crisis-contact-purpose
-- What a contact is for (emergency, suicide-line, gp, abuse-line, other), so each kind of risk shows the right one
-- first: 112 for a medical emergency, Veilig Thuis for abuse, 113 for suicidal thoughts. NULL reads as other.
ALTER TABLE crisis_contacts ADD COLUMN purpose VARCHAR(20) NULL;
--rollback ALTER TABLE crisis_contacts DROP COLUMN purpose;
