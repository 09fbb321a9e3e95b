--liquibase formatted sql

--changeset spiegel:0070-create-scheduled-runs
-- One row per scheduled job and period (for example a day). With several app nodes on one database every node
-- fires the job; the node whose insert of the row succeeds runs it, the others skip. The primary key does the work,
-- also on a Galera cluster (a concurrent insert on another node fails certification and counts as "not mine").
CREATE TABLE scheduled_runs (
    job         VARCHAR(64)  NOT NULL,
    period      VARCHAR(32)  NOT NULL,
    node        VARCHAR(128) NOT NULL,
    claimed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_scheduled_runs PRIMARY KEY (job, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE scheduled_runs;
