--liquibase formatted sql

--changeset spiegel:0007-create-crisis-contacts
-- An organisation's own crisis contacts per language, shown instead of the Dutch defaults (113, 112, huisarts,
-- Veilig Thuis) that live in the code. phone holds one or more numbers separated by commas ("113, 0800-0113");
-- each is shown as plain text and as a tel: link. url must be an http(s) address, anything else is not linked.
CREATE TABLE crisis_contacts (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    organisation_id  CHAR(36)       NOT NULL,
    language         VARCHAR(8)     NOT NULL,
    position         INT            NOT NULL,
    name             VARCHAR(200)   NOT NULL,
    description      VARCHAR(1000)  NOT NULL,
    phone            VARCHAR(100)   NULL,
    url              VARCHAR(500)   NULL,
    CONSTRAINT pk_crisis_contacts PRIMARY KEY (id),
    CONSTRAINT uq_crisis_contacts_position UNIQUE (organisation_id, language, position),
    CONSTRAINT fk_crisis_contacts_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE crisis_contacts;
