package nl.spiegel.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * A logo as uploaded: PNG, JPEG or WebP, recognised by its first bytes (not by what the browser claims), at most
 * {@link #MAX_BYTES}. SVG is refused on purpose: it can carry script.
 */
public record LogoImage(byte[] bytes, String contentType) {

    public static final int MAX_BYTES = 256 * 1024;

    /** Why an upload is refused. */
    public enum Problem { EMPTY, TOO_LARGE, NOT_AN_IMAGE }

    /** The problem with these bytes, or empty when they are a usable logo. */
    public static Optional<Problem> check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.of(Problem.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of(Problem.TOO_LARGE);
        }
        return detectType(bytes).isPresent() ? Optional.empty() : Optional.of(Problem.NOT_AN_IMAGE);
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
