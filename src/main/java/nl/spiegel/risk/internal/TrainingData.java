package nl.spiegel.risk.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.spiegel.risk.RiskLevel;

/**
 * Labelled messages for the learned backstop ({@code id<TAB>lang<TAB>level<TAB>text}), shipped as
 * {@code risk/training.tsv}: the tuning corpus plus held-out sets 1 to 8. Held-out set 9 is not in it; it stays
 * blind.
 */
public final class TrainingData {
    public static final List<String> HEADER = List.of("id", "lang", "level", "text");

    public record Row(String id, String lang, RiskLevel level, String text) {
    }

    private TrainingData() {
    }

    /** Reads a classpath resource; throws when it is missing or malformed. */
    public static List<Row> loadResource(String resource) {
        ClassLoader loader = TrainingData.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("training data not found on the classpath: " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return rows(TsvFile.parse(resource, lines, HEADER));
        } catch (TsvFile.BadInput e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(Path file) throws TsvFile.BadInput, IOException {
        return rows(TsvFile.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8), HEADER));
    }

    private static List<Row> rows(List<String[]> fields) {
        List<Row> out = new ArrayList<>(fields.size());
        for (String[] f : fields) {
            out.add(new Row(f[0], f[1], RiskLevel.fromCode(f[2]), f[3]));
        }
        return List.copyOf(out);
    }
}
