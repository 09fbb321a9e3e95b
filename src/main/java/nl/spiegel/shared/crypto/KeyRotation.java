package nl.spiegel.shared.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every registered {@link EncryptedColumn} under the active key, bound to its row, and encrypts
 * plaintext rows written before encryption was switched on (key id NULL; the application itself refuses to read
 * those).
 *
 * <p>Works in batches, each in its own transaction: a batch locks its rows ({@code FOR UPDATE}), so a person writing
 * at the same moment is never overwritten with older text. Only rows whose key id is not yet the active one are
 * selected, so running it again is harmless and an interrupted run simply continues. Columns of one table that share a
 * key-id column are rewritten together, because that one key id has to be true for all of them.
 *
 * <p>Reports counts only, never content; errors name the table and the row id.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** What happened to the columns sharing one key-id column. */
    public record TableResult(String table, String keyIdColumn, List<String> dataColumns, long reencrypted,
                              long encryptedFromPlaintext) {

        public long rows() {
            return reencrypted + encryptedFromPlaintext;
        }
    }

    public record Report(String activeKeyId, List<TableResult> tables) {

        public long rows() {
            return tables.stream().mapToLong(TableResult::rows).sum();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<EncryptedColumns> owners;
    private final FieldCipher cipher;
    private final int batchSize;

    KeyRotation(JdbcClient jdbc, PlatformTransactionManager transactionManager, List<EncryptedColumns> owners,
                FieldCipher cipher, CryptoProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // a locking read under READ COMMITTED releases the rows it skipped (already rotated) at once
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.owners = owners;
        this.cipher = cipher;
        this.batchSize = properties.rotationBatchSize();
        if (batchSize < 1) {
            throw new IllegalArgumentException("spiegel.crypto.rotation-batch-size must be at least 1");
        }
    }

    /** All columns every module registered, in registration order. */
    public List<EncryptedColumn> columns() {
        return owners.stream().flatMap(owner -> owner.columns().stream()).toList();
    }

    /** Rotates to the application's active key; the configured keys must include every key still in use. */
    public Report rotate() {
        return rotate(cipher);
    }

    /**
     * Rotates with the given cipher: it must know every key still found in the data, and encrypts with its active
     * key.
     *
     * @throws FieldCipher.DecryptionException when a row was encrypted with a key that is not configured; the batches
     *                                         committed before stay rotated
     */
    public Report rotate(FieldCipher target) {
        List<TableResult> results = new ArrayList<>();
        for (List<EncryptedColumn> group : groups()) {
            TableResult result = rotateGroup(group, target);
            log.debug("key rotation: {}.{}: {} re-encrypted, {} encrypted from plaintext", result.table(),
                    result.keyIdColumn(), result.reencrypted(), result.encryptedFromPlaintext());
            results.add(result);
        }
        return new Report(target.activeKeyId(), List.copyOf(results));
    }

    /** Columns grouped by table and key-id column, keeping the registration order. */
    private List<List<EncryptedColumn>> groups() {
        Map<String, List<EncryptedColumn>> groups = columns().stream().collect(Collectors.groupingBy(
                column -> column.table() + "." + column.keyIdColumn(), LinkedHashMap::new, Collectors.toList()));
        for (List<EncryptedColumn> group : groups.values()) {
            if (group.stream().map(EncryptedColumn::idColumns).distinct().count() != 1
                    || group.stream().map(EncryptedColumn::bindingColumn).distinct().count() != 1) {
                throw new IllegalStateException("columns of " + group.getFirst().table()
                        + " sharing a key-id column are registered with different id or binding columns");
            }
        }
        return List.copyOf(groups.values());
    }

    private TableResult rotateGroup(List<EncryptedColumn> group, FieldCipher target) {
        EncryptedColumn first = group.getFirst();
        String table = first.table();
        String keyId = first.keyIdColumn();
        List<String> ids = first.idColumns();
        String binding = first.bindingColumn();
        List<String> data = group.stream().map(EncryptedColumn::dataColumn).toList();
        String selectStart = "SELECT " + String.join(", ", ids) + ", " + binding + " AS binding_value, " + keyId
                + ", " + String.join(", ", data)
                + " FROM " + table
                + " WHERE (" + keyId + " IS NULL OR " + keyId + " <> ?)"
                + " AND (" + data.stream().map(column -> column + " IS NOT NULL").collect(Collectors.joining(" OR "))
                + ")";
        String selectEnd = " ORDER BY " + String.join(", ", ids) + " LIMIT ? FOR UPDATE";
        // keyset paging: every batch continues after the last row of the one before instead of scanning from the start
        String after = ids.size() == 1 ? " AND " + ids.getFirst() + " > ?"
                : " AND (" + String.join(", ", ids) + ") > ("
                        + ids.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
        String update = "UPDATE " + table + " SET "
                + data.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
                + ", " + keyId + " = ? WHERE "
                + ids.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));

        long reencrypted = 0;
        long fromPlaintext = 0;
        List<Object> lastIds = null;
        while (true) {
            List<Object> previous = lastIds;
            Batch batch = transactions.execute(status -> {
                List<Object> params = new ArrayList<>();
                params.add(target.activeKeyId());
                if (previous != null) {
                    params.addAll(previous);
                }
                params.add(batchSize);
                List<StoredRow> rows = jdbc.sql(selectStart + (previous == null ? "" : after) + selectEnd)
                        .params(params)
                        .query((rs, rowNum) -> StoredRow.read(rs, ids, keyId, data))
                        .list();
                long plain = 0;
                for (StoredRow row : rows) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < group.size(); i++) {
                        EncryptedColumn column = group.get(i);
                        byte[] plaintext;
                        try {
                            // a NULL key id marks plaintext from before encryption: only the rotation reads it
                            plaintext = row.keyId() == null ? row.data().get(i)
                                    : target.decrypt(column, row.binding(), row.data().get(i), row.keyId());
                        } catch (FieldCipher.DecryptionException e) {
                            throw new FieldCipher.DecryptionException(table + "." + data.get(i) + " of row "
                                    + row.ids() + ": " + e.getMessage());
                        }
                        values.add(target.encrypt(column, row.binding(), plaintext));
                    }
                    values.add(target.activeKeyId());
                    values.addAll(row.ids());
                    if (jdbc.sql(update).params(values).update() != 1) {
                        throw new IllegalStateException("row " + row.ids() + " of " + table + " was not updated");
                    }
                    if (row.keyId() == null) {
                        plain++;
                    }
                }
                return new Batch(rows.size(), plain, rows.isEmpty() ? null : rows.getLast().ids());
            });
            if (batch == null || batch.rows() == 0) {
                break;
            }
            fromPlaintext += batch.fromPlaintext();
            reencrypted += batch.rows() - batch.fromPlaintext();
            lastIds = batch.lastIds();
            log.debug("key rotation: {}.{}: batch of {} rows committed", table, keyId, batch.rows());
        }
        return new TableResult(table, keyId, data, reencrypted, fromPlaintext);
    }

    private record Batch(int rows, long fromPlaintext, List<Object> lastIds) {
    }

    private record StoredRow(List<Object> ids, String binding, String keyId, List<byte[]> data) {

        static StoredRow read(ResultSet rs, List<String> ids, String keyId, List<String> data) throws SQLException {
            List<Object> idValues = new ArrayList<>();
            for (String id : ids) {
                idValues.add(rs.getObject(id));
            }
            List<byte[]> values = new ArrayList<>();
            for (String column : data) {
                values.add(rs.getBytes(column));
            }
            return new StoredRow(idValues, rs.getString("binding_value"), rs.getString(keyId), values);
        }
    }
}
