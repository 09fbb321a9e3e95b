package nl.spiegel.shared.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES keys Spiegel knows, by id, and the one new data is encrypted with. */
public final class KeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    public KeyRing(Map<String, SecretKey> keys, String activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one encryption key is needed");
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active key '" + activeKeyId + "' is not among the configured keys");
        }
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /** Parses {@code id:base64,id:base64}; the active key defaults to the first one. */
    public static KeyRing parse(String spec, String activeKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("an encryption key must look like id:base64key");
            }
            String id = trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id '" + id + "' may only use letters, digits, '_' and '-'");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + id + "' is not valid base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' must be 256 bits (32 bytes), not " + raw.length);
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        }
        String active = activeKeyId == null || activeKeyId.isBlank()
                ? keys.keySet().stream().findFirst().orElse("") : activeKeyId;
        return new KeyRing(keys, active);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
