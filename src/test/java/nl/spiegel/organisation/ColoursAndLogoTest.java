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
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                'I', 'H', 'D', 'R', 0, 0, 0, 64, 0, 0, 0, 32, 8, 2, 0, 0, 0, 0, 0, 0, 0};
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
        assertThat(LogoImage.size(png)).contains(new LogoImage.Size(64, 32));
        // a signature without a readable header is no image
        assertThat(LogoImage.check(java.util.Arrays.copyOf(png, 10))).contains(LogoImage.Problem.NOT_AN_IMAGE);
        assertThat(LogoImage.check(jpeg)).contains(LogoImage.Problem.NOT_AN_IMAGE);
    }

    @Test
    void imageBombsThatDeclareHugeSizesInTheirHeaderAreRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                'I', 'H', 'D', 'R', 0, 1, (byte) 0x86, (byte) 0xa0, 0, 0, 0, 16, 8, 2, 0, 0, 0, 0, 0, 0, 0};
        assertThat(LogoImage.size(png)).contains(new LogoImage.Size(100_000, 16));
        assertThat(LogoImage.check(png)).contains(LogoImage.Problem.TOO_MANY_PIXELS);
        // JPEG: an APP0 segment, then the frame header (SOF2, progressive) declaring 20000 x 300
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 4, 0, 0,
                (byte) 0xff, (byte) 0xc2, 0, 11, 8, 0x01, 0x2c, 0x4e, 0x20, 1, 1, 0x11, 0};
        assertThat(LogoImage.size(jpeg)).contains(new LogoImage.Size(20_000, 300));
        assertThat(LogoImage.check(jpeg)).contains(LogoImage.Problem.TOO_MANY_PIXELS);
        // WebP, extended format: the canvas is 5000 x 100 (stored minus one, 24 bits little-endian)
        byte[] webp = {'R', 'I', 'F', 'F', 22, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0,
                0, 0, 0, 0, (byte) 0x87, 0x13, 0, 99, 0, 0};
        assertThat(LogoImage.size(webp)).contains(new LogoImage.Size(5_000, 100));
        assertThat(LogoImage.check(webp)).contains(LogoImage.Problem.TOO_MANY_PIXELS);
        // a real image written by the JDK, as large as allowed, is fine
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(LogoImage.MAX_SIDE, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", out);
        assertThat(LogoImage.size(out.toByteArray())).contains(new LogoImage.Size(LogoImage.MAX_SIDE, 8));
        assertThat(LogoImage.check(out.toByteArray())).isEmpty();
    }
}
