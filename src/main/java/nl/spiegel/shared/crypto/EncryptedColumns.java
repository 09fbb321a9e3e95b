package nl.spiegel.shared.crypto;

import java.util.List;

/**
 * Implemented by one bean in each module that stores encrypted personal text, listing the columns it owns. The key
 * rotation ({@link KeyRotation}) re-encrypts exactly these, so a module that adds an encrypted column registers it
 * here and the rotation picks it up without knowing the module.
 */
public interface EncryptedColumns {

    List<EncryptedColumn> columns();
}
