package nl.spiegel.risk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.spiegel.risk.RiskAssessment;
import nl.spiegel.risk.RiskDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second for one thread assessing chat messages of about 300 characters, a mix of everyday Dutch and
 * English text with a risky sentence in some of them, with the learned backstop ({@code assessOneMessage}, the
 * shipped detector) and with the rules alone. Run with
 * {@code ./mvnw -q test-compile exec:exec@risk-bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RiskDetectorBenchmark {
    private static final String[] SENTENCES = {
            "Vandaag was een lange dag op mijn werk en ik ben echt moe.",
            "Mijn baas was weer boos over de planning van het project.",
            "Ik heb vanavond nog met mijn zus gebeld over de verjaardag van mama.",
            "Ik ga dood van het lachen om die video die je stuurde.",
            "Soms denk ik dat ik het allemaal niet meer aankan.",
            "Ik wil er gewoon niet meer zijn.",
            "Morgen moet ik vroeg op voor een afspraak bij de tandarts.",
            "We hebben pannenkoeken gegeten en daarna een film gekeken.",
            "Honestly this week has been a lot, work is crazy and I barely sleep.",
            "This deadline is killing me but I think I will make it.",
            "I went for a run in the park and it helped a bit.",
            "My friend took a whole bottle of pills last night.",
            "I don't want to live anymore, I'm so tired of everything.",
            "Can you give me some tips for dealing with stress at school?",
            "My mom is going to kill me when she sees my grades lol.",
            "Ik kan niet meer wachten op de vakantie naar Spanje!",
    };

    private RiskDetector detector;
    private RiskDetector rulesOnly;
    private List<String> messages;
    private int next;

    @Setup
    public void setUp() {
        detector = RiskDetector.loadDefault();
        rulesOnly = RiskDetector.loadRulesOnly(RiskDetector.DEFAULT_LEXICONS);
        Random random = new Random(42);
        messages = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 280) {
                sb.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
            }
            messages.add(sb.substring(0, Math.min(sb.length(), 320)).trim());
        }
    }

    /** Average length of the generated messages, printed so the figure can be reported with its input size. */
    public double averageLength() {
        return messages.stream().mapToInt(String::length).average().orElse(0);
    }

    @Benchmark
    public RiskAssessment assessOneMessage() {
        String text = messages.get(next);
        next = (next + 1) & 511;
        return detector.assess(text, (next & 1) == 0 ? "nl" : "en");
    }

    /** The same without the learned backstop, to show what the model costs. */
    @Benchmark
    public RiskAssessment assessOneMessageRulesOnly() {
        String text = messages.get(next);
        next = (next + 1) & 511;
        return rulesOnly.assess(text, (next & 1) == 0 ? "nl" : "en");
    }
}
