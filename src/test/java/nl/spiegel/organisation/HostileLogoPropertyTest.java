package nl.spiegel.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The logo check on generated files that start like a PNG, JPEG or WebP and go on with anything: it never throws,
 * and what it accepts has a readable header within {@link LogoImage#MAX_SIDE} and the byte limit.
 */
class HostileLogoPropertyTest {

    private static final byte[][] STARTS = {
            {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
            {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 4, 0, 0, (byte) 0xff, (byte) 0xc0},
            {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'},
            {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'},
            {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '},
            {}};

    @Property(tries = 2000)
    void anyFileGetsAVerdictAndWhatIsAcceptedIsSmallEnough(@ForAll("files") byte[] file) {
        Optional<LogoImage.Problem> problem = LogoImage.check(file);
        if (problem.isEmpty()) {
            LogoImage.Size size = LogoImage.size(file).orElseThrow();
            assertThat(size.width()).isBetween(1, LogoImage.MAX_SIDE);
            assertThat(size.height()).isBetween(1, LogoImage.MAX_SIDE);
            assertThat(file.length).isLessThanOrEqualTo(LogoImage.MAX_BYTES);
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        return Combinators.combine(Arbitraries.of(STARTS), Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                .as((start, rest) -> {
                    byte[] file = new byte[start.length + rest.length];
                    System.arraycopy(start, 0, file, 0, start.length);
                    System.arraycopy(rest, 0, file, start.length, rest.length);
                    return file;
                });
    }
}
