--liquibase formatted sql

--changeset spiegel:0170-changelog-primary-key
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name = 'DATABASECHANGELOG' AND constraint_type = 'PRIMARY KEY'
-- Liquibase creates its own history table without a primary key. On a Galera cluster every table should have one:
-- rows without a key are replicated and certified by their whole content, and clusters are often set to refuse
-- writes to such tables (wsrep_mode=REQUIRED_PRIMARY_KEY). A change set is identified by id, author and file.
ALTER TABLE DATABASECHANGELOG ADD CONSTRAINT pk_databasechangelog PRIMARY KEY (ID, AUTHOR, FILENAME);
--rollback ALTER TABLE DATABASECHANGELOG DROP PRIMARY KEY;
