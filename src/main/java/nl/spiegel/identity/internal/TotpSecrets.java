package nl.spiegel.identity.internal;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.Base32;
import nl.spiegel.identity.Totp;
import nl.spiegel.identity.TotpSetup;
import nl.spiegel.identity.UserId;
import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.FieldCipher;

/** TOTP secrets of accounts: encrypted at rest with {@link FieldCipher}, checked against typed codes. */
@Component
public class TotpSecrets {

    public static final EncryptedColumn COLUMN = IdentityEncryptedColumns.TOTP_SECRET;
    static final String ISSUER = "Spiegel";

    private final AccountRepository accounts;
    private final FieldCipher cipher;
    private final Clock clock;

    TotpSecrets(AccountRepository accounts, FieldCipher cipher, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * The setup for an account that is adding an authenticator app: a new secret every time, replacing any
     * unconfirmed one. A secret that was shown once (perhaps on a shared screen, or to somebody looking over a
     * shoulder) is never shown again; after a reload the person scans the new code.
     */
    public TotpSetup setUp(AccountRepository.AccountRow account) {
        if (account.totpEnabled()) {
            throw new IllegalStateException("the authenticator app is already set up");
        }
        return setupFor(account.email(), store(account.userId(), Totp.newSecret()));
    }

    /** Stores a known secret that works at once; only for the demo accounts with their published secret. */
    public void storeEnabled(UserId userId, byte[] secret) {
        accounts.storeEnabledTotp(userId, cipher.encrypt(COLUMN, userId.toString(), secret), cipher.activeKeyId(),
                clock.instant());
    }

    /**
     * Whether the typed code is right now (a step of drift either way) and was not used before; the step is marked
     * used so the same code cannot be replayed.
     */
    public boolean verify(AccountRepository.AccountRow account, String code) {
        if (account.totpSecret() == null) {
            return false;
        }
        byte[] secret = secret(account);
        long lastUsed = account.totpLastStep() == null ? Long.MIN_VALUE : account.totpLastStep();
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), lastUsed);
        return step.isPresent() && accounts.useTotpStep(account.userId(), step.getAsLong());
    }

    private byte[] store(UserId userId, byte[] secret) {
        accounts.storePendingTotp(userId, cipher.encrypt(COLUMN, userId.toString(), secret), cipher.activeKeyId());
        return secret;
    }

    /** The account's secret, decrypted. */
    public byte[] secret(AccountRepository.AccountRow account) {
        return cipher.decrypt(COLUMN, account.userId().toString(), account.totpSecret(), account.totpKeyId());
    }

    static TotpSetup setupFor(String email, byte[] secret) {
        String text = Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 ");
        return new TotpSetup(text, Totp.otpauthUri(ISSUER, email, secret));
    }
}
