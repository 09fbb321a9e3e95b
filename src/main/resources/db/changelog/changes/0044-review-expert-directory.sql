--liquibase formatted sql

--changeset spiegel:0044-review-expert-directory
-- The directory of connected experts: a therapist's own profile (what they tell about themselves, not health data)
-- with a photo that was resized and re-encoded on upload, so no metadata of the original file is kept. Lists hold
-- codes (specialisms, forms of therapy, languages) that the screens translate.
CREATE TABLE review_expert_profiles (
    therapist_id     CHAR(36)      NOT NULL,
    organisation_id  CHAR(36)      NOT NULL,
    short_line       VARCHAR(200)  NULL,
    short_line_en    VARCHAR(200)  NULL,
    specialisms      VARCHAR(500)  NOT NULL DEFAULT '',
    therapy_forms    VARCHAR(500)  NOT NULL DEFAULT '',
    languages        VARCHAR(100)  NOT NULL DEFAULT '',
    region           VARCHAR(100)  NULL,
    online           BOOLEAN       NOT NULL DEFAULT FALSE,
    accepting        BOOLEAN       NOT NULL DEFAULT FALSE,
    listed           BOOLEAN       NOT NULL DEFAULT FALSE,
    photo            MEDIUMBLOB    NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_review_expert_profiles PRIMARY KEY (therapist_id),
    CONSTRAINT fk_review_expert_profiles_user FOREIGN KEY (therapist_id) REFERENCES users (id),
    CONSTRAINT fk_review_expert_profiles_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_review_expert_profiles_listed (organisation_id, listed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person asks an expert from the directory to read a dialogue (or everything from now on), with a short message
-- (encrypted, bound to the request id). Accepting creates the share the person asked for; declining creates nothing.
CREATE TABLE review_share_requests (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    person_id        CHAR(36)     NOT NULL,
    therapist_id     CHAR(36)     NOT NULL,
    session_id       CHAR(36)     NOT NULL,
    scope            VARCHAR(16)  NOT NULL,
    message          BLOB         NOT NULL,
    key_id           VARCHAR(32)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    answered_at      DATETIME(6)  NULL,
    accepted         BOOLEAN      NULL,
    share_id         CHAR(36)     NULL,
    CONSTRAINT pk_review_share_requests PRIMARY KEY (id),
    CONSTRAINT fk_review_requests_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_requests_person FOREIGN KEY (person_id) REFERENCES users (id),
    CONSTRAINT fk_review_requests_therapist FOREIGN KEY (therapist_id) REFERENCES users (id),
    CONSTRAINT fk_review_requests_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    CONSTRAINT fk_review_requests_share FOREIGN KEY (share_id) REFERENCES review_shares (id),
    INDEX ix_review_requests_therapist (therapist_id, answered_at),
    INDEX ix_review_requests_person (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE review_share_requests; DROP TABLE review_expert_profiles;
