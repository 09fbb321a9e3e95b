--liquibase formatted sql

--changeset spiegel:0001-create-organisations
CREATE TABLE organisations (
    id          CHAR(36)     NOT NULL,
    slug        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_organisations PRIMARY KEY (id),
    CONSTRAINT uq_organisations_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Direct visitors who do not come through an organisation belong to this one.
INSERT INTO organisations (id, slug, name, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'spiegel', 'Spiegel', UTC_TIMESTAMP(6));
--rollback DROP TABLE organisations;
