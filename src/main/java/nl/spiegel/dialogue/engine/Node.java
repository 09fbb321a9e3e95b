package nl.spiegel.dialogue.engine;

import java.util.List;
import java.util.Map;

/** One step of a dialogue script. */
public sealed interface Node {

    String id();

    /** Ids of the nodes this node can lead to, in script order. */
    List<String> targets();

    /**
     * A message from Spiegel. The first variant whose condition holds replaces {@code text}, so an acknowledgement can
     * fit what was chosen or written (its length, or the risk level it was read at).
     */
    record Message(String id, LocalizedText text, String next, List<Variant> variants) implements Node {
        public Message {
            variants = List.copyOf(variants);
        }

        public Message(String id, LocalizedText text, String next) {
            this(id, text, next, List.of());
        }

        public List<String> targets() {
            return List.of(next);
        }
    }

    /** Text shown instead of a node's own text when its condition holds. */
    record Variant(Condition when, LocalizedText text) {
    }

    /**
     * A question answered in free text; the answer is stored in {@code variable}. When a choice sends the person back
     * to correct an answer, {@code again} (if given) is asked instead of {@code text}.
     */
    record Question(String id, LocalizedText text, String variable, int maxLength, String next, LocalizedText again)
            implements Node {
        public Question(String id, LocalizedText text, String variable, int maxLength, String next) {
            this(id, text, variable, maxLength, next, null);
        }

        public List<String> targets() {
            return List.of(next);
        }
    }

    /** A question answered with one of the options. */
    record Choice(String id, LocalizedText text, String variable, List<Option> options) implements Node {
        public Choice {
            options = List.copyOf(options);
        }

        /** Forward targets only: an option that sends the person back to correct an answer is no edge of the graph. */
        public List<String> targets() {
            return options.stream().filter(option -> !option.revise()).map(Option::next).toList();
        }
    }

    /**
     * One answer button. With {@code revise} the option leads back to an earlier node ({@code next}) so the person can
     * answer again; the newest answer then replaces the old one everywhere it is used.
     */
    record Option(String value, LocalizedText label, String next, Map<String, String> set, boolean revise) {
        public Option {
            set = Map.copyOf(set);
        }

        public Option(String value, LocalizedText label, String next, Map<String, String> set) {
            this(value, label, next, set, false);
        }
    }

    /** Spiegel mirrors the person's own words back through placeholders; variants work as for messages. */
    record Reflection(String id, LocalizedText text, String next, List<Variant> variants) implements Node {
        public Reflection {
            variants = List.copyOf(variants);
        }

        public Reflection(String id, LocalizedText text, String next) {
            this(id, text, next, List.of());
        }

        public List<String> targets() {
            return List.of(next);
        }
    }

    /** Chooses the next node from the answers so far; shows nothing. */
    record Branch(String id, List<Rule> rules, String otherwise) implements Node {
        public Branch {
            rules = List.copyOf(rules);
        }

        public List<String> targets() {
            var all = new java.util.ArrayList<String>();
            rules.forEach(rule -> all.add(rule.next()));
            all.add(otherwise);
            return List.copyOf(all);
        }
    }

    record Rule(Condition when, String next) {
    }

    /** A small assignment for the coming days; it is also saved to the person's list of exercises. */
    record Exercise(String id, LocalizedText title, LocalizedText text, String next) implements Node {
        public List<String> targets() {
            return List.of(next);
        }
    }

    /**
     * Closing words and the personal summary: a short story in connected sentences (optional) followed by the
     * person's answers item by item.
     */
    record End(String id, LocalizedText text, List<SummaryItem> summary, Story story) implements Node {
        public End {
            summary = List.copyOf(summary);
        }

        public End(String id, LocalizedText text, List<SummaryItem> summary) {
            this(id, text, summary, null);
        }

        public List<String> targets() {
            return List.of();
        }
    }

    record SummaryItem(LocalizedText label, String variable) {
    }

    /** Sentences that draw the answers together; shown as one paragraph under {@code title}. */
    record Story(LocalizedText title, List<Sentence> sentences) {
        public Story {
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * One sentence of a story. It is left out when {@code when} (optional) does not hold or when one of its
     * placeholders has no value on the path the person took.
     */
    record Sentence(Condition when, LocalizedText text) {
    }
}
