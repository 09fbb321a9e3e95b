package nl.spiegel.dialogue.engine;

import java.util.List;
import java.util.Map;

/** One step of a dialogue script. */
public sealed interface Node {

    String id();

    /** Ids of the nodes this node can lead to, in script order. */
    List<String> targets();

    /** A message from Spiegel. */
    record Message(String id, LocalizedText text, String next) implements Node {
        public List<String> targets() {
            return List.of(next);
        }
    }

    /** A question answered in free text; the answer is stored in {@code variable}. */
    record Question(String id, LocalizedText text, String variable, int maxLength, String next) implements Node {
        public List<String> targets() {
            return List.of(next);
        }
    }

    /** A question answered with one of the options. */
    record Choice(String id, LocalizedText text, String variable, List<Option> options) implements Node {
        public Choice {
            options = List.copyOf(options);
        }

        public List<String> targets() {
            return options.stream().map(Option::next).toList();
        }
    }

    record Option(String value, LocalizedText label, String next, Map<String, String> set) {
        public Option {
            set = Map.copyOf(set);
        }
    }

    /** Spiegel mirrors the person's own words back through placeholders. */
    record Reflection(String id, LocalizedText text, String next) implements Node {
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

    /** Closing words and the personal summary. */
    record End(String id, LocalizedText text, List<SummaryItem> summary) implements Node {
        public End {
            summary = List.copyOf(summary);
        }

        public List<String> targets() {
            return List.of();
        }
    }

    record SummaryItem(LocalizedText label, String variable) {
    }
}
