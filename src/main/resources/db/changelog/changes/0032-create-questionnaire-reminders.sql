--liquibase formatted sql

--changeset spiegel:0032-create-questionnaire-reminders
-- A person who asked for a weekly e-mail reminder to fill in a questionnaire. No health data: only when the next
-- reminder is due. Every node may run the reminder job; a node sends a reminder only after its conditional update of
-- next_due_at (from the value it read) changed the row, so two nodes never send the same reminder.
CREATE TABLE questionnaire_reminders (
    user_id          CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    next_due_at      DATETIME(6)  NOT NULL,
    last_sent_at     DATETIME(6)  NULL,
    CONSTRAINT pk_questionnaire_reminders PRIMARY KEY (user_id),
    CONSTRAINT fk_questionnaire_reminders_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_questionnaire_reminders_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_questionnaire_reminders_due (next_due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE questionnaire_reminders;
