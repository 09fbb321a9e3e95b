package nl.spiegel.authoring;

/**
 * One number on the analytics page: shown, or hidden because it counts fewer than ten people, or because together
 * with another figure on offer (a neighbouring step, another period) it would reveal a group of fewer than ten.
 *
 * @param value null when hidden
 */
public record Figure(Integer value, Hidden hidden) {

    public enum Hidden {
        NONE,
        /** The group itself is smaller than ten people. */
        FEWER_THAN_TEN,
        /** The difference with another figure would be a group smaller than ten. */
        REVEALS_SMALL_GROUP
    }

    public static Figure shown(int value) {
        return new Figure(value, Hidden.NONE);
    }

    public boolean isShown() {
        return hidden == Hidden.NONE;
    }
}
