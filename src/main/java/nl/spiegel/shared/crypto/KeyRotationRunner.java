package nl.spiegel.shared.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key rotation command: with {@code --spiegel.crypto.rotate=true} the application starts (applying the database
 * changelog), re-encrypts all stored personal text under the active key, prints counts per table and exits with
 * status 0, or 1 when anything failed. For example:
 *
 * <pre>
 * SPIEGEL_CRYPTO_KEYS=new:...,old:... SPIEGEL_CRYPTO_ACTIVEKEY=new \
 *   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--spiegel.crypto.rotate=true
 * </pre>
 */
@Component
@ConditionalOnBooleanProperty("spiegel.crypto.rotate")
class KeyRotationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationRunner.class);

    private final KeyRotation rotation;
    private final ConfigurableApplicationContext context;

    KeyRotationRunner(KeyRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status;
        try {
            KeyRotation.Report report = rotation.rotate();
            for (KeyRotation.TableResult table : report.tables()) {
                System.out.printf("key rotation: %-24s %-34s %8d re-encrypted, %8d encrypted from plaintext%n",
                        table.table(), String.join("+", table.dataColumns()), table.reencrypted(),
                        table.encryptedFromPlaintext());
            }
            System.out.printf("key rotation: done, %d rows re-encrypted, everything is now under key '%s'%n",
                    report.rows(), report.activeKeyId());
            status = 0;
        } catch (RuntimeException e) {
            // messages of our own exceptions name tables, row ids and key ids, never content
            log.error("key rotation failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
            System.out.println("key rotation: FAILED (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); batches committed before the failure stay rotated, run it again after fixing the cause");
            status = 1;
        }
        int exitCode = status;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
