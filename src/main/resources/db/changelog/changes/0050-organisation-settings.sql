--liquibase formatted sql

--changeset spiegel:0050-organisation-settings
-- What an organisation sets for itself: its look (two colours checked for contrast, a logo of at most 256 KB, a
-- welcome text per language), which dialogues it offers (script ids separated by commas; empty offers all), the
-- origins (scheme://host[:port], separated by spaces) of the portals that may frame Spiegel, and the time zone in
-- which the opening hours of its crisis contacts are read.
ALTER TABLE organisations
    ADD COLUMN primary_colour     CHAR(7)        NULL,
    ADD COLUMN accent_colour      CHAR(7)        NULL,
    ADD COLUMN welcome_nl         VARCHAR(1000)  NULL,
    ADD COLUMN welcome_en         VARCHAR(1000)  NULL,
    ADD COLUMN logo               MEDIUMBLOB     NULL,
    ADD COLUMN logo_type          VARCHAR(40)    NULL,
    ADD COLUMN offered_dialogues  VARCHAR(2000)  NULL,
    ADD COLUMN embed_origins      VARCHAR(2000)  NULL,
    ADD COLUMN time_zone          VARCHAR(64)    NOT NULL DEFAULT 'Europe/Amsterdam';
--rollback ALTER TABLE organisations DROP COLUMN primary_colour, DROP COLUMN accent_colour, DROP COLUMN welcome_nl, DROP COLUMN welcome_en, DROP COLUMN logo, DROP COLUMN logo_type, DROP COLUMN offered_dialogues, DROP COLUMN embed_origins, DROP COLUMN time_zone;
