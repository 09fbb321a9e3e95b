package nl.spiegel.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * A logo as uploaded: PNG, JPEG or WebP, recognised by its first bytes (not by what the browser claims), at most
 * {@link #MAX_BYTES}. SVG is refused on purpose: it can carry script.
 */
public record LogoImage(byte[] bytes, String contentType) {

    public static final int MAX_BYTES = 256 * 1024;
    /**
     * Longest side in pixels. A few hundred bytes can declare an image of 100,000 by 100,000 pixels ("image bomb"):
     * every visitor's browser would try to decode it for the header. A logo needs far less than this.
     */
    public static final int MAX_SIDE = 4096;

    /** Why an upload is refused. */
    public enum Problem { EMPTY, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS }

    /** Width and height in pixels, as the file's header declares them. */
    public record Size(int width, int height) {
    }

    /** The problem with these bytes, or empty when they are a usable logo. */
    public static Optional<Problem> check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.of(Problem.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of(Problem.TOO_LARGE);
        }
        Optional<Size> size = size(bytes);
        if (detectType(bytes).isEmpty() || size.isEmpty() || size.get().width() <= 0 || size.get().height() <= 0) {
            return Optional.of(Problem.NOT_AN_IMAGE);
        }
        return size.get().width() > MAX_SIDE || size.get().height() > MAX_SIDE
                ? Optional.of(Problem.TOO_MANY_PIXELS) : Optional.empty();
    }

    /**
     * The size the image's header declares (PNG's IHDR, JPEG's frame header, WebP's VP8, VP8L or VP8X header),
     * read without decoding a pixel; empty when the header cannot be read.
     */
    public static Optional<Size> size(byte[] bytes) {
        String type = detectType(bytes).orElse("");
        try {
            return switch (type) {
                case "image/png" -> startsWith(bytes, 12, 'I', 'H', 'D', 'R')
                        ? Optional.of(new Size(int32(bytes, 16), int32(bytes, 20))) : Optional.empty();
                case "image/jpeg" -> jpegSize(bytes);
                case "image/webp" -> webpSize(bytes);
                default -> Optional.empty();
            };
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
    }

    private static Optional<Size> jpegSize(byte[] bytes) {
        int at = 2;
        while (at + 3 < bytes.length) {
            if ((bytes[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = bytes[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                // end of image, or the image data started without a frame header
                return Optional.empty();
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                return Optional.of(new Size(int16(bytes, at + 7), int16(bytes, at + 5)));
            }
            at += 2 + int16(bytes, at + 2);
        }
        return Optional.empty();
    }

    private static Optional<Size> webpSize(byte[] bytes) {
        if (startsWith(bytes, 12, 'V', 'P', '8', 'X')) {
            return Optional.of(new Size(int24le(bytes, 24) + 1, int24le(bytes, 27) + 1));
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', 'L') && (bytes[20] & 0xff) == 0x2f) {
            int bits = (bytes[21] & 0xff) | (bytes[22] & 0xff) << 8 | (bytes[23] & 0xff) << 16
                    | (bytes[24] & 0xff) << 24;
            return Optional.of(new Size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1));
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', ' ') && startsWith(bytes, 23, 0x9d, 0x01, 0x2a)) {
            return Optional.of(new Size(int16le(bytes, 26) & 0x3fff, int16le(bytes, 28) & 0x3fff));
        }
        return Optional.empty();
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | (bytes[at + 3] & 0xff);
    }

    private static int int16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
    }

    private static int int16le(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    private static int int24le(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
    }

    /** The image type from the file's signature. */
    public static Optional<String> detectType(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogoImage logo && Arrays.equals(bytes, logo.bytes)
                && contentType.equals(logo.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
    }

    @Override
    public String toString() {
        return "LogoImage[" + contentType + ", " + bytes.length + " bytes]";
    }
}
