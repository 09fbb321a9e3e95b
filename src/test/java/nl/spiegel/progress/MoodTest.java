package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.SessionId;

class MoodTest {

    @Test
    void twoFacesDownIsClearlyWorseOneIsNot() {
        assertThat(Mood.clearlyWorse(5, 3)).isTrue();
        assertThat(Mood.clearlyWorse(3, 1)).isTrue();
        assertThat(Mood.clearlyWorse(5, 1)).isTrue();
        assertThat(Mood.clearlyWorse(2, 1)).isFalse();
        assertThat(Mood.clearlyWorse(3, 3)).isFalse();
        assertThat(Mood.clearlyWorse(1, 5)).isFalse();
    }

    @Test
    void onlyFiveFacesExist() {
        assertThatThrownBy(() -> new Mood(SessionId.random(), MoodMoment.START, 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mood(SessionId.random(), MoodMoment.END, 6, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Mood(SessionId.random(), MoodMoment.END, 5, Instant.EPOCH).value()).isEqualTo(5);
    }
}
