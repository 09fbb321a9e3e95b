package nl.spiegel.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import nl.spiegel.review.InvalidPhotoException;

class ProfilePhotosTest {

    @Test
    void anImageBombIsRefusedBeforeItIsDecoded() {
        // 200 bytes that declare 100,000 x 100,000 pixels: decoding would need about 40 GB
        assertThatThrownBy(() -> ProfilePhotos.normalise(pngHeader(100_000, 100_000)))
                .isInstanceOf(InvalidPhotoException.class).hasMessage("too many pixels");
        assertThatThrownBy(() -> ProfilePhotos.normalise(pngHeader(20_000, 20_000)))
                .isInstanceOf(InvalidPhotoException.class).hasMessage("too many pixels");
    }

    @Test
    void brokenAndFakeFilesAreRefusedAndARealPhotoIsScaled() throws Exception {
        byte[] real = jpeg(1_200, 600);
        assertThatThrownBy(() -> ProfilePhotos.normalise(java.util.Arrays.copyOf(real, 40)))
                .isInstanceOf(InvalidPhotoException.class);
        assertThatThrownBy(() -> ProfilePhotos.normalise("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPhotoException.class);
        BufferedImage scaled = ImageIO.read(new java.io.ByteArrayInputStream(ProfilePhotos.normalise(real)));
        assertThat(scaled.getWidth()).isEqualTo(ProfilePhotos.MAX_SIDE);
        assertThat(scaled.getHeight()).isEqualTo(ProfilePhotos.MAX_SIDE / 2);
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    /** A PNG whose header declares this size, with a few bytes of compressed nothing as its data. */
    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] compressed = new byte[512];
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, deflater.deflate(compressed)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
