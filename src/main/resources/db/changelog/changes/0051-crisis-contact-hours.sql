--liquibase formatted sql

--changeset spiegel:0051-crisis-contact-hours
-- When a contact can be reached, in the organisation's time zone: both NULL means always. open_until before
-- open_from runs past midnight (17:00-08:00 for an evening and night service).
ALTER TABLE crisis_contacts
    ADD COLUMN open_from   TIME NULL,
    ADD COLUMN open_until  TIME NULL;
--rollback ALTER TABLE crisis_contacts DROP COLUMN open_from, DROP COLUMN open_until;
