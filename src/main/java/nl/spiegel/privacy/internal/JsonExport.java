package nl.spiegel.privacy.internal;

import java.io.OutputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The export as JSON (UTF-8), indented so it can also be read in a text editor. */
public final class JsonExport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonExport() {
    }

    public static void write(ExportDocument document, OutputStream out) {
        JSON.writeValue(out, document.toJsonTree());
    }
}
