package nl.spiegel.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks for a text in every column of the schema, to prove that what people write is stored encrypted. */
public final class PlaintextScan {

    private PlaintextScan() {
    }

    /**
     * Every column of every table in the schema (text, binary and blob types) that holds the text as UTF-8 bytes, or
     * as their hex digits, as {@code table.column}.
     */
    public static List<String> columnsContaining(JdbcClient jdbc, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        byte[] hexUpper = HexFormat.of().withUpperCase().formatHex(needle).getBytes(StandardCharsets.US_ASCII);
        byte[] hexLower = HexFormat.of().formatHex(needle).getBytes(StandardCharsets.US_ASCII);
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name
                FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
                  AND c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json',
                                      'binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob')""")
                .query().listOfRows();
        assertThat(columns).as("the schema has text columns to search").hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String value = "CAST(`" + name + "` AS BINARY)";
            Integer hits = jdbc.sql("SELECT COUNT(*) FROM `" + table + "` WHERE LOCATE(?, " + value + ") > 0"
                            + " OR LOCATE(?, " + value + ") > 0 OR LOCATE(?, " + value + ") > 0")
                    .params(needle, hexUpper, hexLower)
                    .query(Integer.class).single();
            if (hits > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }
}
