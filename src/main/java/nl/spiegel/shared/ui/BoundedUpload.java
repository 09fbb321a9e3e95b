package nl.spiegel.shared.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * An upload handler that reads at most {@code maxBytes + 1} bytes of a file and hands the screen what arrived, in the
 * screen's lock. Vaadin's own {@code UploadHandler.inMemory} reads the whole request into the heap whatever its size
 * (the upload component's {@code maxFileSize} is only checked by the browser, and anyone can post to the upload URL
 * directly), and the screen could then only say "too large" after holding it all. Here a file over the limit arrives
 * as {@link Received#tooLarge()} with the size the request announced and no content, so the screen can say in words
 * what the limit is.
 */
public final class BoundedUpload implements UploadHandler {

    /** What the screen gets: the file's content, or only its size when it was over the limit. */
    public record Received(String fileName, byte[] bytes, long size, boolean tooLarge) {

        public Received {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Called in the screen's lock once the upload has been read. */
    @FunctionalInterface
    public interface Callback extends Serializable {
        void received(Received file);
    }

    private final int maxBytes;
    private final Callback callback;

    public BoundedUpload(int maxBytes, Callback callback) {
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 0 and Integer.MAX_VALUE - 1");
        }
        this.maxBytes = maxBytes;
        this.callback = callback;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            // one byte more than allowed tells "too large" apart from "exactly at the limit"
            bytes = in.readNBytes(maxBytes + 1);
        }
        long size = Math.max(event.getFileSize(), bytes.length);
        boolean tooLarge = size > maxBytes;
        Received file = new Received(event.getFileName(), tooLarge ? new byte[0] : bytes, size, tooLarge);
        event.getUI().access(() -> callback.received(file));
    }
}
