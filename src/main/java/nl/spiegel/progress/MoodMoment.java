package nl.spiegel.progress;

/** When in a dialogue a mood was asked: at its start or at its end. */
public enum MoodMoment {
    START, END
}
