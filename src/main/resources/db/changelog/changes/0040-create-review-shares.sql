--liquibase formatted sql

--changeset spiegel:0040-create-review-shares
-- Sharing one dialogue with a therapist of the person's organisation, on the person's consent.
-- review_invites: codes a therapist hands to a client; only the SHA-256 hash of the code is stored, each works once
-- and expires. review_shares: one dialogue shared with one therapist, until the person revokes it or its end date
-- passes. review_comments: the therapist's feedback to the person and private notes, encrypted (body + key_id, bound
-- to the comment id).
CREATE TABLE review_invites (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    therapist_id     CHAR(36)     NOT NULL,
    code_hash        CHAR(64)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    used_at          DATETIME(6)  NULL,
    CONSTRAINT pk_review_invites PRIMARY KEY (id),
    CONSTRAINT uq_review_invites_code UNIQUE (code_hash),
    CONSTRAINT fk_review_invites_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_invites_therapist FOREIGN KEY (therapist_id) REFERENCES users (id),
    INDEX ix_review_invites_therapist (therapist_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE review_shares (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    person_id        CHAR(36)     NOT NULL,
    session_id       CHAR(36)     NOT NULL,
    therapist_id     CHAR(36)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    ends_at          DATETIME(6)  NULL,
    revoked_at       DATETIME(6)  NULL,
    read_at          DATETIME(6)  NULL,
    CONSTRAINT pk_review_shares PRIMARY KEY (id),
    CONSTRAINT fk_review_shares_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_shares_person FOREIGN KEY (person_id) REFERENCES users (id),
    CONSTRAINT fk_review_shares_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    CONSTRAINT fk_review_shares_therapist FOREIGN KEY (therapist_id) REFERENCES users (id),
    INDEX ix_review_shares_therapist (therapist_id, created_at),
    INDEX ix_review_shares_person (person_id, session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE review_comments (
    id               CHAR(36)     NOT NULL,
    share_id         CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    author_id        CHAR(36)     NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    body             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_review_comments PRIMARY KEY (id),
    CONSTRAINT fk_review_comments_share FOREIGN KEY (share_id) REFERENCES review_shares (id),
    CONSTRAINT fk_review_comments_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_comments_author FOREIGN KEY (author_id) REFERENCES users (id),
    INDEX ix_review_comments_share (share_id, kind, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE review_comments; DROP TABLE review_shares; DROP TABLE review_invites;
