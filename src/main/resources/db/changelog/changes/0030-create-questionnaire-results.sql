--liquibase formatted sql

--changeset spiegel:0030-create-questionnaire-results
-- One filled-in questionnaire (PHQ-9, GAD-7) per row. The answers are health data: a JSON array of the item answers
-- (null for a skipped item), stored encrypted under key_id and bound to the row id; the total and band are computed
-- from them when read, so no score is ever stored in plaintext. Only the instrument and the moment are plain, to
-- list a person's results in order.
CREATE TABLE questionnaire_results (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    instrument       VARCHAR(16)  NOT NULL,
    answers          BLOB         NOT NULL,
    key_id           VARCHAR(32)  NULL COMMENT 'key of answers; NULL = plaintext',
    completed_at     DATETIME(6)  NOT NULL,
    CONSTRAINT pk_questionnaire_results PRIMARY KEY (id),
    CONSTRAINT fk_questionnaire_results_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_questionnaire_results_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_questionnaire_results_user (user_id, completed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE questionnaire_results;
