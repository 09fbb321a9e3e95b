package nl.spiegel.shared.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One database column that holds personal text encrypted with {@link FieldCipher}.
 *
 * <p>A row whose {@code keyIdColumn} is NULL holds plaintext written before encryption was switched on; the rotation
 * encrypts those. Columns of one table that share a key-id column must always be written together, in one statement,
 * so the key id is true for all of them.
 *
 * @param table       table name
 * @param idColumns   the primary key column(s), used to address a row during rotation
 * @param dataColumn  the column with the ciphertext
 * @param keyIdColumn the column naming the key the data column was encrypted with; NULL means legacy plaintext
 * @param purpose     bound to the ciphertext as associated data, by convention {@code table.column}
 * @param bindingColumn the column with the id of the row, or of its owner when the row id is only known after the
 *                      insert; its value is bound to the ciphertext too, so a value moved to another row does not
 *                      decrypt
 */
public record EncryptedColumn(String table, List<String> idColumns, String dataColumn, String keyIdColumn,
                              String purpose, String bindingColumn) {

    // names end up in SQL text, so only plain identifiers are accepted
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public EncryptedColumn {
        idColumns = List.copyOf(idColumns);
        if (idColumns.isEmpty()) {
            throw new IllegalArgumentException("an encrypted column needs the id column(s) of its table");
        }
        List<String> names = new ArrayList<>(Arrays.asList(table, dataColumn, keyIdColumn, bindingColumn));
        names.addAll(idColumns);
        for (String name : names) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
            }
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("an encrypted column needs a purpose");
        }
    }

    /** A column with a single id column and the purpose {@code table.dataColumn}, bound to that id. */
    public static EncryptedColumn of(String table, String idColumn, String dataColumn, String keyIdColumn) {
        return of(table, idColumn, dataColumn, keyIdColumn, idColumn);
    }

    /** A column with a single id column and the purpose {@code table.dataColumn}, bound to the owner's id column. */
    public static EncryptedColumn of(String table, String idColumn, String dataColumn, String keyIdColumn,
                                     String bindingColumn) {
        return new EncryptedColumn(table, List.of(idColumn), dataColumn, keyIdColumn, table + "." + dataColumn,
                bindingColumn);
    }
}
