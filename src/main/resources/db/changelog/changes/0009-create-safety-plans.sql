--liquibase formatted sql

--changeset spiegel:0009-create-safety-plans
-- One safety plan per user. sections is a JSON object of section code to the person's own text, stored as bytes so
-- it can later be stored encrypted; key_id names the key.
CREATE TABLE safety_plans (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    sections         MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_safety_plans PRIMARY KEY (id),
    CONSTRAINT uq_safety_plans_user UNIQUE (user_id),
    CONSTRAINT fk_safety_plans_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_safety_plans_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE safety_plans;
