--liquibase formatted sql

--changeset spiegel:0031-create-mood-checkins
-- The optional one-tap mood check-in at the start and at the end of a dialogue. The mood (1 very bad .. 5 very good)
-- is health data: stored encrypted under key_id, bound to the row id. One check-in per session and moment.
CREATE TABLE mood_checkins (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    session_id       CHAR(36)     NOT NULL,
    moment           VARCHAR(8)   NOT NULL,
    mood             BLOB         NOT NULL,
    key_id           VARCHAR(32)  NULL COMMENT 'key of mood; NULL = plaintext',
    recorded_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_mood_checkins PRIMARY KEY (id),
    CONSTRAINT uq_mood_checkins_session_moment UNIQUE (session_id, moment),
    CONSTRAINT fk_mood_checkins_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_mood_checkins_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    CONSTRAINT fk_mood_checkins_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_mood_checkins_user (user_id, recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE mood_checkins;
