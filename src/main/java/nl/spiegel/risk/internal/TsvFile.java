package nl.spiegel.risk.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A UTF-8, tab-separated file with a fixed header; the last column may not contain tabs but everything else. */
public final class TsvFile {
    private TsvFile() {
    }

    /** Thrown for a missing file or a header that is not the expected one; the message is meant for a person. */
    public static final class BadInput extends Exception {
        public BadInput(String message) {
            super(message);
        }
    }

    /** The rows after the header, split into exactly {@code header.size()} fields; blank lines are skipped. */
    public static List<String[]> read(Path file, List<String> header) throws BadInput, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInput("no such file: " + file);
        }
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8), header);
    }

    /** As {@link #read(Path, List)} for lines already read, e.g. from a classpath resource named {@code file}. */
    public static List<String[]> parse(String file, List<String> lines, List<String> header) throws BadInput {
        if (lines.isEmpty()) {
            throw new BadInput(file + " is empty; expected the header " + String.join("<TAB>", header));
        }
        String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        List<String> found = Arrays.asList(first.strip().split("\t", -1));
        if (!found.equals(header)) {
            throw new BadInput(file + ": bad header '" + first.strip() + "'; expected " + String.join("<TAB>", header));
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", header.size());
            if (fields.length != header.size()) {
                throw new BadInput(file + " line " + (i + 1) + ": expected " + header.size() + " tab-separated fields");
            }
            rows.add(fields);
        }
        return rows;
    }
}
