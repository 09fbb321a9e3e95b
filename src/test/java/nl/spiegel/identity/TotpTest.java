package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    // RFC 6238 appendix B: the seeds are the ASCII digits, 20/32/64 bytes long for SHA1/SHA256/SHA512
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s, {2}")
    @CsvSource({
            "59, 94287082, SHA1",
            "59, 46119246, SHA256",
            "59, 90693936, SHA512",
            "1111111109, 07081804, SHA1",
            "1111111109, 68084774, SHA256",
            "1111111109, 25091201, SHA512",
            "1111111111, 14050471, SHA1",
            "1111111111, 67062674, SHA256",
            "1111111111, 99943326, SHA512",
            "1234567890, 89005924, SHA1",
            "1234567890, 91819424, SHA256",
            "1234567890, 93441116, SHA512",
            "2000000000, 69279037, SHA1",
            "2000000000, 90698825, SHA256",
            "2000000000, 38618901, SHA512",
            "20000000000, 65353130, SHA1",
            "20000000000, 77737706, SHA256",
            "20000000000, 47863826, SHA512"})
    void matchesTheTestVectorsOfRfc6238(long seconds, String expected, Totp.Algorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(seed, step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void appCodesAreTheLastSixDigitsOfTheSha1Vector() {
        // with 6 digits the same truncation gives the last six digits of the 8-digit value
        assertThat(Totp.code(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(SEED_SHA1, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        String previous = Totp.code(SEED_SHA1, now.minusSeconds(30));
        String next = Totp.code(SEED_SHA1, now.plusSeconds(30));
        String tooOld = Totp.code(SEED_SHA1, now.minusSeconds(60));

        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now), now, Long.MIN_VALUE))
                .isEqualTo(OptionalLong.of(step));
        assertThat(Totp.matchingStep(SEED_SHA1, previous, now, Long.MIN_VALUE)).isEqualTo(OptionalLong.of(step - 1));
        assertThat(Totp.matchingStep(SEED_SHA1, next, now, Long.MIN_VALUE)).isEqualTo(OptionalLong.of(step + 1));
        assertThat(Totp.matchingStep(SEED_SHA1, tooOld, now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aCodeWorksOnlyOnceAndSpacesAreAllowed() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(SEED_SHA1, now);
        long used = Totp.matchingStep(SEED_SHA1, code, now, Long.MIN_VALUE).orElseThrow();

        assertThat(Totp.matchingStep(SEED_SHA1, code, now, used)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, code.substring(0, 3) + " " + code.substring(3), now, Long.MIN_VALUE))
                .isPresent();
        assertThat(Totp.matchingStep(SEED_SHA1, "12345", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, "abcdef", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, null, now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void base32FollowsRfc4648() {
        String[][] vectors = {{"", ""}, {"f", "MY======"}, {"fo", "MZXQ===="}, {"foo", "MZXW6==="},
                {"foob", "MZXW6YQ="}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI======"}};
        for (String[] vector : vectors) {
            byte[] plain = vector[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(Base32.encodePadded(plain)).isEqualTo(vector[1]);
            assertThat(Base32.decode(vector[1])).isEqualTo(plain);
            assertThat(Base32.decode(vector[1].toLowerCase().replace("=", ""))).isEqualTo(plain);
        }
        assertThatThrownBy(() -> Base32.decode("MZ1W")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoSecretIsValidBase32OfTwentyBytes() {
        assertThat(Base32.decode(DemoAccountProperties.DEMO_TOTP_SECRET)).hasSize(20);
    }

    @Test
    void theOtpauthUriCarriesIssuerAccountAndSecret() {
        byte[] secret = Base32.decode("JBSWY3DPEHPK3PXP");

        assertThat(Totp.otpauthUri("Spiegel", "sanne@example.org", secret)).isEqualTo(
                "otpauth://totp/Spiegel:sanne%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Spiegel"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
