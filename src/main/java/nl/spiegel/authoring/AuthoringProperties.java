package nl.spiegel.authoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Writing dialogues.
 *
 * @param maxScriptSize largest script an organisation may upload or type, in bytes of UTF-8 (the shipped scripts are
 *                      about 10 KB; 64 KB leaves plenty of room and keeps checking fast)
 */
@ConfigurationProperties("spiegel.authoring")
public record AuthoringProperties(@DefaultValue("64KB") DataSize maxScriptSize) {

    public AuthoringProperties {
        if (maxScriptSize.toBytes() < 1024 || maxScriptSize.toBytes() > 1024 * 1024) {
            throw new IllegalArgumentException("spiegel.authoring.max-script-size must be between 1KB and 1MB");
        }
    }
}
