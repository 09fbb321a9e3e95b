--liquibase formatted sql

--changeset spiegel:0080-create-dialogue-scripts
-- Every published version of every dialogue script, as the YAML text an author wrote. A version is never changed
-- once published (running sessions stay on theirs); a rollback publishes an old text again as a new version.
-- The default organisation's scripts are offered to everyone; other organisations' scripts only to their people.
-- origin: SHIPPED (seeded from the files that come with Spiegel), PUBLISHED, ROLLBACK (copy of based_on).
CREATE TABLE dialogue_scripts (
    organisation_id  CHAR(36)     NOT NULL,
    script_id        VARCHAR(64)  NOT NULL,
    version          INT          NOT NULL,
    source           MEDIUMTEXT   NOT NULL,
    origin           VARCHAR(16)  NOT NULL,
    based_on         INT          NULL,
    published_by     CHAR(36)     NULL,
    published_at     DATETIME(6)  NOT NULL,
    CONSTRAINT pk_dialogue_scripts PRIMARY KEY (organisation_id, script_id, version),
    CONSTRAINT fk_dialogue_scripts_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_dialogue_scripts_script (script_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE dialogue_scripts;
