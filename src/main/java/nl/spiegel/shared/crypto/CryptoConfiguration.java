package nl.spiegel.shared.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keys come from configuration ({@code SPIEGEL_CRYPTO_KEYS}). Without configured keys a development key is generated
 * once and kept in a local file; the {@code prod} profile refuses to start without configured keys.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties, Environment environment) {
        if (properties.keys() != null && !properties.keys().isBlank()) {
            return new FieldCipher(KeyRing.parse(properties.keys(), properties.activeKey()));
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("The prod profile needs encryption keys: set SPIEGEL_CRYPTO_KEYS "
                    + "(id:base64 of 32 random bytes, e.g. from `openssl rand -base64 32`).");
        }
        return new FieldCipher(KeyRing.parse("dev:" + devKey(properties.devKeyFile()), "dev"));
    }

    private static String devKey(Path file) {
        try {
            if (Files.exists(file)) {
                return readKey(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            // written to a private temporary file first and then linked into place: the key is never readable by
            // others, and when two starts race (tests in parallel) both end up with the one key that won
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".dev-key", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, encoded);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                return readKey(file);
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file)) {
                    return readKey(file);
                }
                Files.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.warn("Generated a development encryption key in {}; configure SPIEGEL_CRYPTO_KEYS for real data",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the development key file " + file, e);
        }
    }

    private static String readKey(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the file is still only for development
        }
    }
}
