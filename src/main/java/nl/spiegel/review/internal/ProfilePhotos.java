package nl.spiegel.review.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import nl.spiegel.review.InvalidPhotoException;

/**
 * Makes an uploaded photo safe to show: decoded, scaled to fit 400 by 400 pixels and written as a new JPEG. Only the
 * pixels survive, so whatever metadata the original carried (location, camera, dates) is gone.
 */
public final class ProfilePhotos {

    static final int MAX_SIDE = 400;
    static final int MAX_UPLOAD = nl.spiegel.review.ExpertDirectory.MAX_PHOTO_BYTES;

    /**
     * Most pixels a photo may declare before it is decoded. A few hundred bytes can declare 100,000 by 100,000 pixels
     * (an "image bomb"); decoding that would need tens of gigabytes of memory and take the server down.
     */
    static final long MAX_PIXELS = 40_000_000L;

    private ProfilePhotos() {
    }

    /** Decodes the image only after its header showed a size within {@link #MAX_PIXELS}; null when no reader fits. */
    private static BufferedImage readWithinLimits(byte[] upload) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(
                new ByteArrayInputStream(upload))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    throw new InvalidPhotoException("too many pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    public static byte[] normalise(byte[] upload) {
        if (upload == null || upload.length == 0 || upload.length > MAX_UPLOAD) {
            throw new InvalidPhotoException("empty or too large");
        }
        BufferedImage original;
        try {
            original = readWithinLimits(upload);
        } catch (InvalidPhotoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the JDK's decoders throw unchecked exceptions on some broken files
            throw new InvalidPhotoException("unreadable");
        }
        if (original == null) {
            throw new InvalidPhotoException("not an image");
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(original.getWidth(), original.getHeight()));
        int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(original.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(original, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(scaled, "jpeg", out)) {
                throw new InvalidPhotoException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new InvalidPhotoException("could not encode");
        }
        return out.toByteArray();
    }
}
