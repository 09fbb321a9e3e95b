--liquibase formatted sql

--changeset spiegel:0011-create-escalations
-- A person's request to talk to a human now, and what happened to it. rule_ids holds risk rule ids only (never
-- the person's words). outcome_note and contact_request are free text, stored as bytes with a key_id so they can
-- later be stored encrypted.
CREATE TABLE escalations (
    id               CHAR(36)      NOT NULL,
    organisation_id  CHAR(36)      NOT NULL,
    user_id          CHAR(36)      NOT NULL,
    session_id       CHAR(36)      NULL,
    risk_level       VARCHAR(16)   NOT NULL,
    rule_ids         VARCHAR(1000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    accepted_by      CHAR(36)      NULL,
    accepted_at      DATETIME(6)   NULL,
    timed_out_at     DATETIME(6)   NULL,
    closed_by        CHAR(36)      NULL,
    closed_at        DATETIME(6)   NULL,
    outcome_note     MEDIUMBLOB    NULL,
    contact_request  MEDIUMBLOB    NULL,
    contact_left_at  DATETIME(6)   NULL,
    key_id           VARCHAR(32)   NULL,
    CONSTRAINT pk_escalations PRIMARY KEY (id),
    CONSTRAINT fk_escalations_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_escalations_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_escalations_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    CONSTRAINT fk_escalations_accepted_by FOREIGN KEY (accepted_by) REFERENCES users (id),
    CONSTRAINT fk_escalations_closed_by FOREIGN KEY (closed_by) REFERENCES users (id),
    INDEX ix_escalations_queue (organisation_id, status, requested_at),
    INDEX ix_escalations_user (user_id, status),
    INDEX ix_escalations_status (status, requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE escalation_messages (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    escalation_id    CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    author           VARCHAR(16)  NOT NULL,
    body             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_escalation_messages PRIMARY KEY (id),
    CONSTRAINT fk_escalation_messages_escalation FOREIGN KEY (escalation_id) REFERENCES escalations (id),
    CONSTRAINT fk_escalation_messages_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_escalation_messages_escalation (escalation_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE escalation_messages; DROP TABLE escalations;
