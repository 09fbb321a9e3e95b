package nl.spiegel.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;

/**
 * What a MariaDB Galera cluster needs from the schema, checked on the schema the real changelog built: a primary key on
 * every table (rows are certified and replicated by key) and InnoDB everywhere (Galera replicates nothing else).
 * {@code scripts/galera.sh} checks the same on a real three-node cluster.
 */
@SpiegelIntegrationTest
class ClusterReadySchemaIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableHasAPrimaryKey() {
        assertThat(jdbc.sql("""
                        SELECT t.table_name FROM information_schema.tables t
                        WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND NOT EXISTS (
                          SELECT 1 FROM information_schema.table_constraints c
                          WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                            AND c.constraint_type = 'PRIMARY KEY')""")
                .query(String.class).list()).isEmpty();
    }

    @Test
    void everyTableIsInnoDb() {
        assertThat(jdbc.sql("""
                        SELECT CONCAT(table_name, ' ', engine) FROM information_schema.tables
                        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'""")
                .query(String.class).list()).isEmpty();
    }
}
