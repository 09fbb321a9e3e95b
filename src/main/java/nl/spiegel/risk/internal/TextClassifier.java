package nl.spiegel.risk.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.spiegel.risk.RiskLevel;

/**
 * A small learned backstop for the rules: two logistic regressions over the same hashed features, one for
 * P(at least concern) and one for P(crisis). Dependency-free, immutable after training and thread-safe.
 *
 * <p>Features, from the {@link Tokens} the rules already computed (lower-case, ASCII-folded, chat spelling expanded,
 * repeats collapsed, Dutch and English Snowball stems):
 * <ul>
 *   <li>word unigrams (the normalised term) and the Dutch and English stems when they differ from it;</li>
 *   <li>word bigrams of terms within a sentence;</li>
 *   <li>character 3-, 4- and 5-grams inside each word, with begin and end markers, so typos ("zelfmoort"), compounds
 *   ("zelfmoordgedachten") and inflections share most of their features with the known forms.</li>
 * </ul>
 * Every feature is hashed (FNV-1a plus a murmur finaliser, with one seed per kind) into {@code 2^}{@link #BITS}
 * slots; each occurrence has the value {@code 1/sqrt(n)}, n being the number of occurrences in the message, so long
 * and short messages are on the same scale. A message is scored as a whole and sentence by sentence, and the highest
 * probability counts, so one risky sentence buried in a long message is not diluted by the rest.
 *
 * <p>Training: AdaGrad on the logistic loss with L2 regularisation (applied to the active weights of each step),
 * a fixed number of epochs and a fixed-seed shuffle, so the same data give bit-identical weights on every JVM.
 * Nothing of the training text is kept, only the weights.
 */
public final class TextClassifier {
    public static final int BITS = 18;
    private static final int MASK_SHIFT = 32 - BITS;
    private static final int SEED_WORD = 0x2c1b3c6d;
    private static final int SEED_STEM = 0x297a2d39;
    private static final int SEED_BIGRAM = 0x7a1f9e4b;
    private static final int SEED_CHAR = 0x5bd1e995;
    private static final char BEGIN = '\u0002';
    private static final char END = '\u0003';
    /** Output index of P(at least concern). */
    public static final int CONCERN = 0;
    /** Output index of P(crisis). */
    public static final int CRISIS = 1;

    /** Training settings; {@link #DEFAULT} is what the shipped detector uses. */
    public record Settings(int epochs, double learningRate, double l2, long seed, boolean perSentence) {
        public static final Settings DEFAULT = new Settings(12, 0.25, 1e-4, 20_240_611L, true);
    }

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    /** One labelled message, already analysed. */
    public record Example(Tokens tokens, RiskLevel gold) {
    }

    /** Interleaved weights: slot {@code 2*i} for at-least-concern, {@code 2*i+1} for crisis. */
    private final float[] weights;
    private final double[] bias;
    private final boolean perSentence;

    private final String fingerprint;

    private TextClassifier(float[] weights, double[] bias, boolean perSentence) {
        this.weights = weights;
        this.bias = bias;
        this.perSentence = perSentence;
        int h = Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias);
        this.fingerprint = String.format("%08x", fmix(h ^ (perSentence ? 1 : 0)));
    }

    /** A hash of the trained weights: equal fingerprints mean (with overwhelming likelihood) equal predictions. */
    public String fingerprint() {
        return fingerprint;
    }

    // ---------------------------------------------------------------- features

    /** Hashed feature slots of tokens {@code from..to-1}, one entry per occurrence (duplicates allowed). */
    static int[] features(Tokens t, int from, int to) {
        int[][] holder = {new int[Math.max(16, (to - from) * 16)]};
        int n = featuresInto(t, from, to, holder);
        return Arrays.copyOf(holder[0], n);
    }

    /** Writes the feature slots into {@code buffer[0]} (growing it when needed) and returns how many there are. */
    static int featuresInto(Tokens t, int from, int to, int[][] buffer) {
        int[] out = buffer[0];
        int n = 0;
        int prev = 0;
        for (int i = from; i < to; i++) {
            String term = t.term[i];
            int hw = hash(term, SEED_WORD);
            if (n + 64 + 3 * term.length() > out.length) {
                out = Arrays.copyOf(out, out.length * 2 + 64 + 3 * term.length());
            }
            out[n++] = slot(hw);
            String nl = t.nlStem[i];
            String en = t.enStem[i];
            if (!nl.equals(term)) {
                out[n++] = slot(hash(nl, SEED_STEM));
            }
            if (!en.equals(term) && !en.equals(nl)) {
                out[n++] = slot(hash(en, SEED_STEM));
            }
            if (i > from && t.sentence[i] == t.sentence[i - 1]) {
                out[n++] = slot(fmix(prev * 0x01000193 ^ hw ^ SEED_BIGRAM));
            }
            prev = hw;
            if (!term.isEmpty() && Character.isLetterOrDigit(term.charAt(0))) {
                n = charGrams(term, out, n);
            }
        }
        buffer[0] = out;
        return n;
    }

    private static int charGrams(String term, int[] out, int n) {
        int len = term.length() + 2;
        for (int p = 0; p + MIN_GRAM <= len; p++) {
            int h = SEED_CHAR;
            for (int k = 0; k < MAX_GRAM && p + k < len; k++) {
                int q = p + k;
                char c = q == 0 ? BEGIN : q == len - 1 ? END : term.charAt(q - 1);
                h = (h ^ c) * 0x01000193;
                if (k >= MIN_GRAM - 1) {
                    out[n++] = slot(fmix(h ^ k));
                }
            }
        }
        return n;
    }

    private static int hash(String s, int seed) {
        int h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return fmix(h);
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int slot(int h) {
        return h >>> MASK_SHIFT;
    }

    // ---------------------------------------------------------------- prediction

    /**
     * {@code [P(at least concern), P(crisis)]} for an analysed message; {@code [0, 0]} for an empty one. The whole
     * message and (when there are several) each sentence are scored and the highest margin counts. No bigram crosses
     * a sentence end, so the whole message's features are exactly the union of its sentences' and each is hashed once.
     */
    /** A per-thread feature buffer: scoring allocates nothing per sentence (the detector is shared by threads). */
    private static final ThreadLocal<int[][]> BUFFER = ThreadLocal.withInitial(() -> new int[][] {new int[1024]});

    public double[] predict(Tokens t) {
        if (t.size == 0) {
            return new double[2];
        }
        double best0 = Double.NEGATIVE_INFINITY;
        double best1 = Double.NEGATIVE_INFINITY;
        double all0 = 0;
        double all1 = 0;
        int count = 0;
        int sentences = 0;
        int start = 0;
        for (int i = 1; i <= t.size; i++) {
            if (i < t.size && t.sentence[i] == t.sentence[i - 1]) {
                continue;
            }
            int[][] buffer = BUFFER.get();
            int length = featuresInto(t, start, i, buffer);
            int[] f = buffer[0];
            start = i;
            sentences++;
            double s0 = 0;
            double s1 = 0;
            for (int k = 0; k < length; k++) {
                int j = f[k];
                s0 += weights[2 * j];
                s1 += weights[2 * j + 1];
            }
            all0 += s0;
            all1 += s1;
            count += length;
            if (perSentence && length > 0) {
                double x = 1 / Math.sqrt(length);
                best0 = Math.max(best0, bias[0] + s0 * x);
                best1 = Math.max(best1, bias[1] + s1 * x);
            }
        }
        double x = count == 0 ? 0 : 1 / Math.sqrt(count);
        if (sentences == 1 || !perSentence) {
            best0 = Double.NEGATIVE_INFINITY;
            best1 = Double.NEGATIVE_INFINITY;
        }
        best0 = Math.max(best0, bias[0] + all0 * x);
        best1 = Math.max(best1, bias[1] + all1 * x);
        return new double[] {sigmoid(best0), sigmoid(best1)};
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    // ---------------------------------------------------------------- training

    /** Trains both outputs on the examples, deterministically for the given settings. */
    public static TextClassifier train(List<Example> examples, Settings settings) {
        int n = examples.size();
        int[][] feats = new int[n][];
        double[][] ys = new double[n][];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            feats[i] = features(e.tokens(), 0, e.tokens().size);
            ys[i] = new double[] {e.gold().isAtLeast(RiskLevel.CONCERN) ? 1 : 0, e.gold() == RiskLevel.CRISIS ? 1 : 0};
        }
        float[] w = new float[2 << BITS];
        float[] g2 = new float[2 << BITS];
        double[] b = new double[2];
        double[] bg2 = new double[2];
        double eta = settings.learningRate();
        double l2 = settings.l2();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates with the fixed-seed generator
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int idx : order) {
                int[] f = feats[idx];
                if (f.length == 0) {
                    continue;
                }
                double x = 1 / Math.sqrt(f.length);
                for (int k = 0; k < 2; k++) {
                    double s = 0;
                    for (int j : f) {
                        s += w[2 * j + k];
                    }
                    double g = sigmoid(b[k] + s * x) - ys[idx][k];
                    bg2[k] += g * g;
                    b[k] -= eta * g / Math.sqrt(bg2[k] + 1e-8);
                    for (int j : f) {
                        int slot = 2 * j + k;
                        double grad = g * x + l2 * w[slot];
                        g2[slot] += (float) (grad * grad);
                        w[slot] -= (float) (eta * grad / Math.sqrt(g2[slot] + 1e-8));
                    }
                }
            }
        }
        return new TextClassifier(w, b, settings.perSentence());
    }
}
