--liquibase formatted sql

--changeset spiegel:0042-review-notices
-- In-app notices: a therapist sees that a dialogue was shared with them, a person that their therapist responded.
-- Ids and kinds only: the screen looks up titles and names, no personal text is stored here.
CREATE TABLE review_notices (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    share_id         CHAR(36)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    read_at          DATETIME(6)  NULL,
    CONSTRAINT pk_review_notices PRIMARY KEY (id),
    CONSTRAINT fk_review_notices_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_notices_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_review_notices_share FOREIGN KEY (share_id) REFERENCES review_shares (id),
    INDEX ix_review_notices_user (user_id, read_at, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE review_notices;
