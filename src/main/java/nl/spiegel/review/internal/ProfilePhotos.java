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
    static final int MAX_UPLOAD = 8 * 1024 * 1024;

    private ProfilePhotos() {
    }

    public static byte[] normalise(byte[] upload) {
        if (upload == null || upload.length == 0 || upload.length > MAX_UPLOAD) {
            throw new InvalidPhotoException("empty or too large");
        }
        BufferedImage original;
        try {
            original = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException e) {
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
