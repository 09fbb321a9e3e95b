--liquibase formatted sql

--changeset spiegel:0008-create-screenings
-- The follow-up questions after a risk signal. answers is a JSON object of question code to yes/no in the order
-- asked, stored as bytes so it can later be stored encrypted; key_id names the key. grade is set once finished;
-- dismissed means the person said "you misunderstood me".
CREATE TABLE screenings (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    session_id       CHAR(36)     NULL,
    trigger_level    VARCHAR(16)  NOT NULL,
    answers          MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    grade            VARCHAR(16)  NULL,
    dismissed        BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    CONSTRAINT pk_screenings PRIMARY KEY (id),
    CONSTRAINT fk_screenings_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_screenings_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_screenings_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    INDEX ix_screenings_user (user_id, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE screenings;
