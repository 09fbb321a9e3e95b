package nl.spiegel.shared.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for encrypting personal text at rest.
 *
 * @param keys              comma-separated {@code id:base64key} pairs (256-bit AES keys), e.g. {@code k2:...,k1:...};
 *                          old keys stay listed until everything is re-encrypted
 * @param activeKey         id of the key new data is encrypted with; defaults to the first listed key
 * @param devKeyFile        where a development key is generated and kept when no keys are configured (never in prod)
 * @param rotate            when true the application re-encrypts all stored personal text under the active key and
 *                          exits (see {@link KeyRotationRunner})
 * @param rotationBatchSize rows per transaction during the rotation
 */
@ConfigurationProperties("spiegel.crypto")
public record CryptoProperties(String keys, String activeKey,
                               @DefaultValue("data/keys/dev-encryption.key") Path devKeyFile,
                               @DefaultValue("false") boolean rotate,
                               @DefaultValue("500") int rotationBatchSize) {
}
