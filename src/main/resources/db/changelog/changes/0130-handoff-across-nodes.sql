--liquibase formatted sql

--changeset spiegel:0130-handoff-across-nodes
-- Which therapists are on duty, shared by every app node. seen_at is refreshed by the node that holds the
-- therapist's workspace (or set them on duty); a row nobody refreshed for a while belongs to a node that died and no
-- longer counts, so nobody is told that someone is there when nobody is.
CREATE TABLE therapists_on_duty (
    user_id          CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    node             CHAR(36)     NOT NULL,
    since            DATETIME(6)  NOT NULL,
    seen_at          DATETIME(6)  NOT NULL,
    CONSTRAINT pk_therapists_on_duty PRIMARY KEY (user_id),
    INDEX ix_therapists_on_duty_organisation (organisation_id, seen_at),
    INDEX ix_therapists_on_duty_node (node)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to escalations, ids only (never what anybody wrote), written in the same transaction as the change.
-- Every node reads the rows of the other nodes every second or so and passes them to its own open screens.
CREATE TABLE handoff_relay (
    seq              BIGINT       NOT NULL AUTO_INCREMENT,
    node             CHAR(36)     NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    escalation_id    CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    risk_level       VARCHAR(16)  NULL,
    rule_ids         VARCHAR(1000) NULL,
    requested_at     DATETIME(6)  NULL,
    message_id       BIGINT       NULL,
    author           VARCHAR(16)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_handoff_relay PRIMARY KEY (seq),
    INDEX ix_handoff_relay_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE handoff_relay; DROP TABLE therapists_on_duty;
