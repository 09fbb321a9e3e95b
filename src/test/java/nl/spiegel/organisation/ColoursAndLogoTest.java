package nl.spiegel.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ColoursAndLogoTest {

    @Test
    void contrastRatiosFollowWcag() {
        assertThat(Colours.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
        assertThat(Colours.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.01));
        // the well-known borderline grey: #777777 on white is 4.48:1, just too light for text
        assertThat(Colours.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
        assertThat(Colours.contrast("#767676", "#ffffff")).isGreaterThanOrEqualTo(Colours.MINIMUM_CONTRAST);
    }

    @Test
    void coloursAreNormalisedOrRefused() {
        assertThat(Colours.normalise(" 1A5E7A ")).contains("#1a5e7a");
        assertThat(Colours.normalise("#1a5e7a")).contains("#1a5e7a");
        assertThat(Colours.normalise("red")).isEmpty();
        assertThat(Colours.normalise("#1a5e7a; } body { display:none")).isEmpty();
    }

    @Test
    void logosAreRecognisedByTheirBytesAndSize() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x20};
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(LogoImage.check(png)).isEmpty();
        assertThat(LogoImage.detectType(png)).contains("image/png");
        assertThat(LogoImage.detectType(jpeg)).contains("image/jpeg");
        assertThat(LogoImage.check(svg)).contains(LogoImage.Problem.NOT_AN_IMAGE);
        assertThat(LogoImage.check(new byte[0])).contains(LogoImage.Problem.EMPTY);
        byte[] huge = new byte[LogoImage.MAX_BYTES + 1];
        System.arraycopy(png, 0, huge, 0, png.length);
        assertThat(LogoImage.check(huge)).contains(LogoImage.Problem.TOO_LARGE);
    }
}
