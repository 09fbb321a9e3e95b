package nl.spiegel.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import nl.spiegel.HostileStrings;

/**
 * Any text in a cell of the audit CSV export reads back as one cell that a spreadsheet will not run as a formula:
 * quoting holds against separators, quotes and line breaks, and formula starts are defused.
 */
class HostileCsvCellPropertyTest {

    @Property(tries = 2000)
    void aHostileCellStaysOneCellAndIsNeverAFormula(@ForAll("hostile") String text) throws Exception {
        String line = CsvWriter.cell("a") + "," + CsvWriter.cell(text) + "," + CsvWriter.cell("z") + "\r\n";

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(line)).getRecords();

        assertThat(records).hasSize(1);
        assertThat(records.getFirst().size()).isEqualTo(3);
        String cell = records.getFirst().get(1);
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        assertThat(cell.endsWith(text) || text.isEmpty()).as("the text itself is kept").isTrue();
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.text(2_000);
    }
}
