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
     * fit what was chosen or written (its length, or the risk level it was read at). {@code learn} (optional) is the
     * id of a psycho-education topic shown as a link below the text; a chosen variant brings its own (or none).
     */
    record Message(String id, LocalizedText text, String next, List<Variant> variants, String learn) implements Node {
        public Message {
            variants = List.copyOf(variants);
        }

        public Message(String id, LocalizedText text, String next, List<Variant> variants) {
            this(id, text, next, variants, null);
        }

        public Message(String id, LocalizedText text, String next) {
            this(id, text, next, List.of());
        }

        public List<String> targets() {
            return List.of(next);
        }
    }

    /**
     * Text shown instead of a node's own text when its condition holds; {@code learn} (optional, messages only) links a
     * psycho-education topic that fits this text.
     */
    record Variant(Condition when, LocalizedText text, String learn) {
        public Variant(Condition when, LocalizedText text) {
            this(when, text, null);
        }
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

    /**
     * A questionnaire filled in as one form: items answered on one scale, a total that sums the scored items, bands of
     * that total and safety rules on single items. The total is stored in {@code variable} and its band code in
     * {@code variable-band}; both stay empty when a scored item was skipped (an incomplete form gets no score).
     *
     * @param result     shown after a complete form; may use {total}, {max} and {band}
     * @param incomplete shown after a form with a skipped scored item; may use {answered} and {items}
     */
    record Questionnaire(String id, LocalizedText text, String variable, List<ScaleStep> scale, List<Item> items,
                         List<String> scoring, List<BandRule> bands, List<SafetyRule> safety,
                         LocalizedText result, LocalizedText incomplete, String next) implements Node {
        public Questionnaire {
            scale = List.copyOf(scale);
            items = List.copyOf(items);
            scoring = List.copyOf(scoring);
            bands = List.copyOf(bands);
            safety = List.copyOf(safety);
        }

        public List<String> targets() {
            return List.of(next);
        }

        /** The variable that holds the band code of the total. */
        public String bandVariable() {
            return variable + "-band";
        }

        public int lowestAnswer() {
            return scale.stream().mapToInt(ScaleStep::value).min().orElse(0);
        }

        public int highestAnswer() {
            return scale.stream().mapToInt(ScaleStep::value).max().orElse(0);
        }

        public int maxTotal() {
            return scoring.size() * highestAnswer();
        }

        public int minTotal() {
            return scoring.size() * lowestAnswer();
        }

        /** The answer scale's label of a value; empty when the value is not on the scale. */
        public java.util.Optional<ScaleStep> step(int value) {
            return scale.stream().filter(step -> step.value() == value).findFirst();
        }

        /** The band a total falls in: the last band whose lowest total it reaches. */
        public BandRule band(int total) {
            if (total < minTotal() || total > maxTotal()) {
                throw new IllegalArgumentException("total " + total + " outside " + minTotal() + ".." + maxTotal());
            }
            BandRule band = bands.getFirst();
            for (BandRule rule : bands) {
                if (total >= rule.from()) {
                    band = rule;
                }
            }
            return band;
        }

        /**
         * Scores a form.
         *
         * @param answers item id to the chosen value; a missing item was skipped
         */
        public QuestionnaireOutcome score(Map<String, Integer> answers) {
            int answered = (int) items.stream().filter(item -> answers.get(item.id()) != null).count();
            boolean complete = scoring.stream().allMatch(item -> answers.get(item) != null);
            java.util.OptionalInt total = complete
                    ? java.util.OptionalInt.of(scoring.stream().mapToInt(answers::get).sum())
                    : java.util.OptionalInt.empty();
            boolean safetyCheck = safety.stream().anyMatch(rule -> {
                Integer answer = answers.get(rule.item());
                return answer != null && answer > rule.above();
            });
            return new QuestionnaireOutcome(total, total.isPresent()
                    ? java.util.Optional.of(band(total.getAsInt())) : java.util.Optional.empty(),
                    answered, items.size(), safetyCheck);
        }
    }

    /** One step of a questionnaire's answer scale, for example 0 "not at all". */
    record ScaleStep(int value, LocalizedText label) {
    }

    /** One item of a questionnaire. */
    record Item(String id, LocalizedText text) {
    }

    /** A band starts at its lowest total {@code from}; {@code band} is a stable code such as {@code mild}. */
    record BandRule(int from, String band, LocalizedText label) {
    }

    /** An answer above {@code above} on {@code item} starts the risk flow at once, whatever the total. */
    record SafetyRule(String item, int above) {
    }
}
