package nl.spiegel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void keepsTheExceptionTypesAndDropsEveryMessage() {
        Exception failure = new IllegalStateException("insert failed",
                new RuntimeException("parameters ['ik wil niet meer leven']"));

        String described = LogSafe.describe(failure);

        assertThat(described).isEqualTo("java.lang.IllegalStateException <- java.lang.RuntimeException");
        assertThat(described).doesNotContain("leven", "insert failed");
    }
}
