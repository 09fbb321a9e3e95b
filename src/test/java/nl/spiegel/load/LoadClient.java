package nl.spiegel.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A protocol-level load client for Spiegel: every virtual person behaves like one browser tab. It speaks Vaadin's UIDL
 * over plain HTTP (no browser, no JavaScript): it bootstraps a UI ({@code ?v-r=init}), keeps the CSRF token, the
 * server's sync id and its own client id, mirrors the server's element tree just far enough to find components by
 * their stable element ids ({@code answer}, {@code send}, {@code to-start}), the start cards by {@code data-dialogue}
 * and the options by {@code data-value}, and walks real dialogues: it picks options, writes free text and checks that
 * each written answer came back in the response (i.e. it was stored and shown). When a dialogue ends it goes back to
 * the start page and begins the next one.
 *
 * <p>Every step is preceded by a trivial round trip in the same UI (an empty UIDL request: Vaadin's request handling
 * without any database work), so the floor is measured in the same run, under the same load.
 *
 * <p>Runs with nothing but a JDK 21+, straight from source:
 * {@code java src/test/java/nl/spiegel/load/LoadClient.java --base http://127.0.0.1:8080 --people 200}
 * (see {@code scripts/load-test.sh} and the README's performance section). With {@code --stay true} every person
 * stops at the end of their first dialogue and leaves the finished chat open, for measuring the heap an open chat
 * costs. With {@code --ledger FILE} every written answer carries a marker unique to the run and its outcome (seen
 * stored, lost in flight, never reached the app) is written to FILE, for {@link CrashCheck} to compare with the
 * database; with {@code --until FILE} the run ends as soon as FILE exists ({@code scripts/crash-test.sh}). Only ever
 * point it at a server you run. {@code --dialogues a,b} chooses the dialogues (by id; default the four shipped ones
 * that need no account).
 */
public final class LoadClient {

    /** What to run. */
    public record Options(URI base, int people, Duration rampUp, Duration duration, Duration think, Path out,
                          Map<String, Long> watchedPids, boolean stayAtEnd, List<String> dialogues, Path ledger,
                          Path until) {

        /** The shipped dialogues a person walks, one after the other, starting at a different one per person. */
        static final List<String> SHIPPED = List.of("kennismaking", "zelfbeeld", "emoties", "wensen");

        public Options(URI base, int people, Duration rampUp, Duration duration, Duration think, Path out,
                       Map<String, Long> watchedPids, boolean stayAtEnd) {
            this(base, people, rampUp, duration, think, out, watchedPids, stayAtEnd, SHIPPED, null, null);
        }

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("base", "http://127.0.0.1:8080", "people", "50",
                    "ramp", "20", "duration", "60", "think", "5", "out", "target/load/result", "stay", "false",
                    "dialogues", String.join(",", SHIPPED)));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            Map<String, Long> pids = new LinkedHashMap<>();
            if (values.containsKey("watch")) {
                for (String pair : values.get("watch").split(",")) {
                    String[] nameAndPid = pair.split("=");
                    pids.put(nameAndPid[0], Long.parseLong(nameAndPid[1]));
                }
            }
            return new Options(URI.create(values.get("base")), Integer.parseInt(values.get("people")),
                    Duration.ofSeconds(Long.parseLong(values.get("ramp"))),
                    Duration.ofSeconds(Long.parseLong(values.get("duration"))),
                    Duration.ofMillis((long) (Double.parseDouble(values.get("think")) * 1000)),
                    Path.of(values.get("out")), pids, Boolean.parseBoolean(values.get("stay")),
                    List.of(values.get("dialogues").split(",")),
                    values.containsKey("ledger") ? Path.of(values.get("ledger")) : null,
                    values.containsKey("until") ? Path.of(values.get("until")) : null);
        }
    }

    /** Latency figures of one kind of request, in milliseconds. */
    public record Stats(String name, int count, double perSecond, double p50, double p95, double p99, double max,
                        double meanResponseBytes) {

        static Stats of(String name, List<double[]> samples, Duration window) {
            double[] sorted = samples.stream().mapToDouble(sample -> sample[2]).sorted().toArray();
            double bytes = samples.stream().mapToDouble(sample -> sample[3]).average().orElse(0);
            return new Stats(name, sorted.length, sorted.length / (window.toMillis() / 1000.0), pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], bytes);
        }

        private static double pct(double[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }

        String line() {
            return String.format(Locale.ROOT,
                    "%-9s n=%d rate=%.1f/s p50=%.1f p95=%.1f p99=%.1f max=%.1f ms, response %.0f bytes on average",
                    name, count, perSecond, p50, p95, p99, max, meanResponseBytes);
        }
    }

    /** The outcome of a run: steps (answers), the floor, bootstraps, errors and where CPU went. */
    public record Result(int people, Stats steps, Stats floor, Stats bootstrap, int errors, List<String> errorSamples,
                         int finishedDialogues, Map<String, Double> cpuPercentOfOneCore, String loadAverage,
                         int reopened, int resumedAtSameStep, int reopenedBeforeWriting) {

        public String report() {
            StringBuilder text = new StringBuilder();
            text.append("people=").append(people).append('\n')
                    .append(steps.line()).append('\n').append(floor.line()).append('\n').append(bootstrap.line())
                    .append('\n').append("errors=").append(errors).append(" finished-dialogues=")
                    .append(finishedDialogues).append('\n')
                    // after an error the person reloads (keeping their visitor cookie, losing the server session):
                    // at the same step when their last written answer is back on the screen
                    .append("reopened-after-error=").append(reopened).append(" resumed-at-same-step=")
                    .append(resumedAtSameStep).append(" nothing-written-yet-to-compare=")
                    .append(reopenedBeforeWriting).append('\n');
            // CPU time per step (with its floor round trip) depends far less on what else runs on the machine
            // than latency does
            cpuPercentOfOneCore.forEach((name, cpu) -> text.append(String.format(Locale.ROOT,
                    "cpu %-8s %.0f%% of one core, %.2f ms per step%n", name, cpu,
                    steps.perSecond() == 0 ? 0 : cpu * 10 / steps.perSecond())));
            text.append("loadavg ").append(loadAverage).append('\n');
            errorSamples.forEach(error -> text.append("error: ").append(error).append('\n'));
            return text.toString();
        }
    }

    private static final String[] ANSWERS = {
            "Ik wil wat meer rust in mijn week en vaker buiten wandelen.",
            "Mijn werk vraagt veel van me, maar ik leer er ook van.",
            "Ik merk dat ik graag mensen help, soms meer dan goed is.",
            "Dat ik vaker nee durf te zeggen als iets niet past.",
            "Een goed gesprek met een vriendin geeft me energie.",
    };

    private final Options options;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<double[]> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger reopened = new AtomicInteger();
    private final AtomicInteger resumedAtSameStep = new AtomicInteger();
    private final AtomicInteger reopenedBeforeWriting = new AtomicInteger();
    private volatile long measureFrom;
    private volatile long stopAt;
    /** With --ledger: every written answer carries a marker unique to this run, and its outcome is written down. */
    private final Ledger ledger;
    /** What the people were shown: every response is searched for error messages and technical words. */
    private final Screens screens = new Screens();

    public LoadClient(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.ledger = options.ledger() == null ? null : new Ledger(options.ledger());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadClient client = new LoadClient(options);
        Result result = client.run();
        String report = result.report();
        if (client.ledger != null) {
            client.ledger.close();
            report += client.ledger.summary();
        }
        report += client.screens.summary();
        System.out.print(report);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(Path.of(options.out() + ".txt"), "started " + Instant.now() + "\n" + report);
        System.out.println("written " + options.out() + ".txt and " + options.out() + ".csv");
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    /** Runs the whole load and returns its figures; raw samples go to {@code out.csv}. */
    public Result run() throws Exception {
        long start = System.nanoTime();
        measureFrom = start + options.rampUp().toNanos();
        stopAt = measureFrom + options.duration().toNanos();
        CpuSampler cpu = new CpuSampler(options.watchedPids());
        if (options.until() != null) {
            Thread.ofVirtual().start(() -> {
                // the run ends early, for everyone at once, when this file appears (the crash test's signal)
                while (System.nanoTime() < stopAt && !Files.exists(options.until())) {
                    sleepUntil(System.nanoTime() + Duration.ofMillis(200).toNanos());
                }
                stopAt = Math.min(stopAt, System.nanoTime());
            });
        }
        AtomicReference<CpuSampler.Snapshot> cpuStart = new AtomicReference<>();
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.people(); i++) {
                long offset = options.rampUp().toNanos() * i / Math.max(1, options.people());
                int index = i;
                people.submit(() -> {
                    sleepUntil(start + offset);
                    person(index);
                    return null;
                });
            }
            people.submit(() -> {
                sleepUntil(measureFrom);
                cpuStart.set(cpu.snapshot());
                return null;
            });
        }
        Map<String, Double> cpuUse = cpu.percentSince(cpuStart.get());
        List<double[]> steps = new ArrayList<>();
        List<double[]> floor = new ArrayList<>();
        List<double[]> boot = new ArrayList<>();
        StringBuilder csv = new StringBuilder("kind,at_ms,latency_ms,response_bytes\n");
        for (double[] sample : samples) {
            String kind = sample[0] == 0 ? "step" : sample[0] == 1 ? "floor" : "bootstrap";
            csv.append(kind).append(',').append((long) sample[1]).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", sample[2])).append(',').append((long) sample[3])
                    .append('\n');
            (sample[0] == 0 ? steps : sample[0] == 1 ? floor : boot).add(sample);
        }
        if (options.out() != null) {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(Path.of(options.out() + ".csv"), csv);
        }
        // shorter than asked when the run was ended early (--until)
        Duration window = Duration.ofNanos(Math.max(1, stopAt - measureFrom));
        return new Result(options.people(), Stats.of("step", steps, window),
                Stats.of("floor", floor, window), Stats.of("bootstrap", boot, window),
                errorCount.get(), errors.stream().limit(5).toList(), finished.get(), cpuUse,
                Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "?",
                reopened.get(), resumedAtSameStep.get(), reopenedBeforeWriting.get());
    }

    /** One virtual person: bootstrap, then one step per think time until the run ends. */
    private void person(int index) {
        List<String> scripts = options.dialogues();
        Tab tab = null;
        Tab lost = null;
        long next = System.nanoTime();
        while (System.nanoTime() < stopAt) {
            try {
                if (tab == null) {
                    long t0 = System.nanoTime();
                    if (lost == null) {
                        tab = Tab.open(this, scripts.get(index % scripts.size()), Map.of());
                    } else {
                        // a reload: same browser, so the same visitor cookie, but a new server session
                        tab = Tab.open(this, lost.script, lost.cookiesWithoutSession());
                        reopened.incrementAndGet();
                        if (lost.lastAnswer == null) {
                            // only choices so far in this dialogue: no written answer to find again
                            reopenedBeforeWriting.incrementAndGet();
                        } else if (Tab.shows(tab.openResponse, lost.lastAnswer)) {
                            resumedAtSameStep.incrementAndGet();
                            tab.lastAnswer = lost.lastAnswer;
                        }
                        lost = null;
                    }
                    record(2, t0, 0);
                    next = System.nanoTime();
                }
                long jitter = (long) (options.think().toNanos() * ThreadLocalRandom.current().nextDouble(0.9, 1.1));
                next += jitter;
                sleepUntil(next);
                if (System.nanoTime() >= stopAt) {
                    return;
                }
                long t0 = System.nanoTime();
                record(1, t0, tab.send(List.of()).length());
                t0 = System.nanoTime();
                boolean done = tab.step(index, ledger);
                record(0, t0, tab.lastResponseBytes);
                if (done) {
                    finished.incrementAndGet();
                    if (options.stayAtEnd()) {
                        // the finished chat stays open (for measuring what an open chat costs the server)
                        return;
                    }
                }
            } catch (Exception e) {
                if (System.nanoTime() < stopAt) {
                    errorCount.incrementAndGet();
                    if (errors.size() < 20) {
                        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                // a fresh tab, as a person would reload the page
                if (tab != null) {
                    lost = tab;
                }
                tab = null;
                sleepUntil(System.nanoTime() + options.think().toNanos());
            }
        }
    }

    private void record(int kind, long startNanos, long responseBytes) {
        long end = System.nanoTime();
        if (startNanos >= measureFrom && end <= stopAt) {
            samples.add(new double[] {kind, (startNanos - measureFrom) / 1e6, (end - startNanos) / 1e6, responseBytes});
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One browser tab: its cookies, its UI and a mirror of the server's element tree (tag, attributes, parent), which
     * is all it takes to find components by id.
     */
    static final class Tab {

        // Flow's node feature ids (com.vaadin.flow.internal.nodefeature.NodeFeatures)
        private static final int ELEMENT_DATA = 0;
        private static final int ELEMENT_CHILDREN = 2;
        private static final int ELEMENT_ATTRIBUTES = 3;

        private final LoadClient client;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Object>> attributes = new HashMap<>();
        private final Map<Integer, String> tags = new HashMap<>();
        private final Map<Integer, Integer> parents = new HashMap<>();
        private String uiId;
        private String csrf;
        private long syncId;
        private long clientId;
        private String script;
        private long lastResponseBytes;
        /** The last free text written in the current dialogue, and what opening the dialogue returned. */
        private String lastAnswer;
        private String openResponse = "";
        /** The body of the last UIDL request, to send it once more as a browser does when an answer got lost. */
        private String lastBody;
        /** The last response while waiting for the chat's retry. */
        private String lastResponse = "";

        private Tab(LoadClient client) {
            this.client = client;
        }

        /** Loads the start page in a new UI and opens a dialogue from its card. */
        static Tab open(LoadClient client, String script, Map<String, String> cookies)
                throws IOException, InterruptedException {
            Tab tab = at(client, "", cookies);
            tab.script = script;
            tab.openDialogue();
            return tab;
        }

        /**
         * Loads a new UI and navigates it to this route (for example {@code login} or {@code admin/dialogues}), as a
         * browser does with that address in its address bar; opens no dialogue.
         */
        static Tab at(LoadClient client, String route, Map<String, String> cookies)
                throws IOException, InterruptedException {
            Tab tab = new Tab(client);
            tab.cookies.putAll(cookies);
            String init = tab.get("/?v-r=init&location=" + encode(route) + "&query=");
            Map<String, Object> json = Json.object(init);
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) json.get("appConfig");
            tab.uiId = String.valueOf(((Number) config.get("v-uiId")).intValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> uidl = (Map<String, Object>) config.get("uidl");
            tab.apply(uidl);
            // what Flow's client does after loading: navigate the new UI to the route in the address bar
            Map<String, Object> navigation = new LinkedHashMap<>();
            navigation.put("route", route);
            navigation.put("query", "");
            navigation.put("appShellTitle", "");
            navigation.put("historyState", Map.of("idx", 0));
            navigation.put("trigger", "");
            tab.openResponse = tab.send(List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data",
                    navigation)));
            return tab;
        }

        /** What opening this tab returned (the first UIDL response after the bootstrap). */
        String openResponse() {
            return openResponse;
        }

        /** The value of an attribute of an element, as the server last sent it; null when absent. */
        Object attribute(int node, String name) {
            Map<String, Object> values = attributes.get(node);
            return values == null ? null : values.get(name);
        }

        /**
         * A POST of these bytes, exactly as given, to a path of the server with this tab's cookies (for uploads and
         * hostile request bodies); the response is not applied to the mirror, cookies it sets are kept.
         */
        Raw post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
            HttpRequest request = request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = client.http.send(request, HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            return new Raw(response.statusCode(), response.body());
        }

        /** A POST of these bytes to this tab's UIDL endpoint, as a browser with a broken encoder might send it. */
        Raw postUidl(byte[] body) throws IOException, InterruptedException {
            return post("/?v-r=uidl&v-uiId=" + uiId, body, "application/json; charset=UTF-8");
        }

        private void openDialogue() throws IOException, InterruptedException {
            int card = find("data-dialogue", script);
            int button = attributes.keySet().stream()
                    .filter(node -> parents.getOrDefault(node, -1) == card && "vaadin-button".equals(tags.get(node)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no button on card " + script));
            openResponse = send(List.of(click(button)));
            lastAnswer = null;
            find("id", "composer");
        }

        /**
         * Answers what the dialogue asks: the first or a random option, or a free text that must come back in the
         * response. At the end it goes back to the start page and opens the next dialogue.
         *
         * @return true when this step finished a dialogue
         */
        boolean step(int person, Ledger ledger) throws IOException, InterruptedException {
            if (findOptional("id", "saving") != null && awaitSaving(null) == Waited.STILL_SAVING) {
                return false;
            }
            Integer answer = findOptional("id", "answer");
            if (answer != null) {
                String text = ANSWERS[ThreadLocalRandom.current().nextInt(ANSWERS.length)];
                String marker = ledger == null ? null : ledger.nextMarker(person);
                if (marker != null) {
                    text = text + " (" + marker + ")";
                }
                int send = find("id", "send");
                String response;
                try {
                    response = send(List.of(
                            Map.of("type", "mSync", "node", answer, "feature", 1, "property", "value", "value", text),
                            click(send)));
                } catch (IOException | RuntimeException e) {
                    if (ledger != null) {
                        ledger.write(Ledger.neverReached(e) ? "refused" : "in-flight", marker);
                    }
                    throw e;
                }
                if (!shows(response, text) && savingShown(response)) {
                    // the chat's calm "saving" line: the app retries by itself and the outcome reaches the browser
                    // by push; this client has no push channel, so it looks as a poll would (see awaitSaving)
                    if (ledger != null) {
                        ledger.write("saving", marker);
                    }
                    Waited waited = awaitSaving(text);
                    if (waited == Waited.SHOWN) {
                        if (ledger != null) {
                            ledger.write("retried", marker);
                        }
                        lastAnswer = text;
                        return findOptional("id", "to-start") != null;
                    }
                    if (waited == Waited.STILL_SAVING) {
                        // the run ended while the person still waited: the ledger says "saving"
                        return false;
                    }
                    response = lastResponse;
                }
                if (!shows(response, text)) {
                    if (ledger != null) {
                        ledger.write("unconfirmed", marker);
                    }
                    throw new IllegalStateException("the written answer did not come back");
                }
                if (ledger != null) {
                    ledger.write("ack", marker);
                }
                lastAnswer = text;
                return findOptional("id", "to-start") != null;
            }
            List<Integer> options = nodesWith("data-value");
            if (!options.isEmpty()) {
                int option = options.get(ThreadLocalRandom.current().nextInt(options.size()));
                String response = send(List.of(click(option)));
                if (savingShown(response)) {
                    // a choice waits for the database like a written answer (the buttons are disabled meanwhile)
                    if (awaitSaving(null) == Waited.GONE && findOptional("id", "saving") != null) {
                        throw new IllegalStateException("the choice was not stored");
                    }
                }
                return findOptional("id", "to-start") != null;
            }
            Integer home = findOptional("id", "to-start");
            if (home != null) {
                send(List.of(click(home)));
                List<String> scripts = client.options.dialogues();
                script = scripts.get((scripts.indexOf(script) + 1) % scripts.size());
                openDialogue();
                return false;
            }
            throw new IllegalStateException("nothing to answer (" + person + ")");
        }

        /** How a wait for the chat's retry ended. */
        enum Waited { SHOWN, GONE, STILL_SAVING }

        /** Whether this response puts the chat's calm "saving" line on the screen (Dutch: the client asks for nl). */
        boolean savingShown(String response) {
            return findOptional("id", "saving") != null && response.contains(SAVING_WORDS);
        }

        /**
         * The person waits while the chat shows "saving": the send button is disabled and the app retries by itself.
         * A browser receives the retry's outcome by push the moment it happens; this client has no push channel and
         * makes an empty round trip every second instead, which brings every change the retry made to the screen.
         * Ends when the written text is on the screen ({@code SHOWN}), the saving line is gone without it
         * ({@code GONE}: refused, or a choice stored) or the run ends ({@code STILL_SAVING}).
         */
        Waited awaitSaving(String text) throws IOException, InterruptedException {
            client.screens.waits.incrementAndGet();
            // a tab used outside a run (the tests) waits at most two minutes
            long until = client.stopAt != 0 ? client.stopAt : System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until) {
                sleepUntil(System.nanoTime() + Duration.ofSeconds(1).toNanos());
                lastResponse = send(List.of());
                if (text != null && shows(lastResponse, text)) {
                    return Waited.SHOWN;
                }
                if (findOptional("id", "saving") == null) {
                    return Waited.GONE;
                }
            }
            client.screens.stillSaving.incrementAndGet();
            return Waited.STILL_SAVING;
        }

        /**
         * Whether a response puts this written answer on the screen: each message reaches the browser as one element
         * whose markup holds the text in its paragraph (HTML-escaped, inside a JSON string); before that markup, as
         * a text node of its own (still accepted, to compare with older builds).
         */
        static boolean shows(String response, String text) {
            String html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&apos;");
            String quoted = Json.quote(html);
            return response.contains(">" + quoted.substring(1, quoted.length() - 1) + "</p>")
                    || response.contains(Json.quote(text));
        }

        static Map<String, Object> click(int node) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String key : List.of("event.shiftKey", "event.metaKey", "event.altKey", "event.ctrlKey")) {
                data.put(key, false);
            }
            for (String key : List.of("event.detail", "event.button", "event.clientX", "event.clientY",
                    "event.screenX", "event.screenY")) {
                data.put(key, 1);
            }
            return Map.of("type", "event", "node", node, "event", "click", "data", data);
        }

        /** Whether the open question asks for written text. */
        boolean asksText() {
            return findOptional("id", "answer") != null;
        }

        /** Writes this answer to the open question and sends it; returns the response. */
        String write(String text) throws IOException, InterruptedException {
            return send(List.of(
                    Map.of("type", "mSync", "node", find("id", "answer"), "feature", 1, "property", "value",
                            "value", text),
                    click(find("id", "send"))));
        }

        /**
         * Sends the last UIDL request again, unchanged, as a browser does when the answer to it got lost; returns the
         * raw response (without the guard) and changes nothing in this tab.
         */
        String repeatLast() throws IOException, InterruptedException {
            HttpRequest request = request("/?v-r=uidl&v-uiId=" + uiId)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(lastBody)).build();
            HttpResponse<String> response = client.http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return text.startsWith("for(;;);") ? text.substring("for(;;);".length()) : text;
        }

        /** One UIDL round trip with the given invocations; returns the raw response. */
        String send(List<Map<String, Object>> rpc) throws IOException, InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csrfToken", csrf);
            body.put("rpc", rpc);
            body.put("syncId", syncId);
            body.put("clientId", clientId);
            lastBody = Json.write(body);
            HttpRequest request = request("/?v-r=uidl&v-uiId=" + uiId)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(lastBody)).build();
            HttpResponse<String> response = client.http.send(request, HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            client.screens.inspect(response.statusCode(), response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " on uidl");
            }
            String text = response.body();
            lastResponseBytes = text.length();
            if (text.startsWith("for(;;);")) {
                text = text.substring("for(;;);".length());
            }
            Object parsed = Json.parse(text);
            @SuppressWarnings("unchecked")
            Map<String, Object> uidl = parsed instanceof List<?> list
                    ? (Map<String, Object>) list.getFirst() : (Map<String, Object>) parsed;
            apply(uidl);
            return text;
        }

        /** What a UIDL request got back, not applied to the mirror (for tampering tests). */
        record Raw(int status, String body) {
        }

        /**
         * One UIDL request exactly as given (CSRF token, sync id, client id, invocations) for the UI id given, with
         * the cookies given; nothing is applied to this tab's mirror. For tampering tests ({@code UidlTamperingIT}).
         */
        Raw sendRaw(Map<String, Object> body, String forUiId, Map<String, String> withCookies)
                throws IOException, InterruptedException {
            Map<String, String> saved = new LinkedHashMap<>(cookies);
            cookies.clear();
            cookies.putAll(withCookies);
            try {
                HttpRequest request = request("/?v-r=uidl&v-uiId=" + forUiId)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
                HttpResponse<String> response = client.http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Raw(response.statusCode(), response.body());
            } finally {
                cookies.clear();
                cookies.putAll(saved);
            }
        }

        /** The body this tab would send now with these invocations (its own token, sync id and client id). */
        Map<String, Object> body(List<Map<String, Object>> rpc) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csrfToken", csrf);
            body.put("rpc", rpc);
            body.put("syncId", syncId);
            body.put("clientId", clientId);
            return body;
        }

        String uiId() {
            return uiId;
        }

        Map<String, String> cookies() {
            return Map.copyOf(cookies);
        }

        /** The newest element with that attribute value, or null. */
        Integer node(String attribute, String value) {
            return findOptional(attribute, value);
        }

        /** The button on the start page's card of this dialogue, or null. */
        Integer cardButton(String scriptId) {
            Integer card = findOptional("data-dialogue", scriptId);
            return card == null ? null : attributes.keySet().stream()
                    .filter(node -> parents.getOrDefault(node, -1).equals(card)
                            && "vaadin-button".equals(tags.get(node)))
                    .findFirst().orElse(null);
        }

        /** The elements that carry this attribute, in node order. */
        List<Integer> nodes(String attribute) {
            return nodesWith(attribute);
        }

        @SuppressWarnings("unchecked")
        private void apply(Map<String, Object> uidl) {
            Object meta = uidl.get("meta");
            if (meta instanceof Map<?, ?> map && (map.containsKey("sessionExpired") || map.containsKey("appError"))) {
                throw new IllegalStateException("server says " + map.keySet());
            }
            if (uidl.containsKey("resynchronize")) {
                throw new IllegalStateException("server asks to resynchronize");
            }
            if (uidl.get("Vaadin-Security-Key") instanceof String key) {
                csrf = key;
            }
            if (uidl.get("syncId") instanceof Number number) {
                syncId = number.longValue();
            }
            if (uidl.get("clientId") instanceof Number number) {
                clientId = number.longValue();
            }
            for (Object change : (List<Object>) uidl.getOrDefault("changes", List.of())) {
                Map<String, Object> c = (Map<String, Object>) change;
                int node = ((Number) c.get("node")).intValue();
                String type = (String) c.get("type");
                int feature = c.get("feat") instanceof Number n ? n.intValue() : -1;
                switch (type) {
                    case "detach" -> {
                        attributes.remove(node);
                        tags.remove(node);
                        parents.remove(node);
                    }
                    case "put" -> {
                        if (feature == ELEMENT_ATTRIBUTES) {
                            attributes.computeIfAbsent(node, n -> new HashMap<>()).put((String) c.get("key"),
                                    c.get("value"));
                        } else if (feature == ELEMENT_DATA && "tag".equals(c.get("key"))) {
                            tags.put(node, (String) c.get("value"));
                            attributes.computeIfAbsent(node, n -> new HashMap<>());
                        }
                    }
                    case "remove" -> {
                        if (feature == ELEMENT_ATTRIBUTES && attributes.containsKey(node)) {
                            attributes.get(node).remove((String) c.get("key"));
                        }
                    }
                    case "splice" -> {
                        if (feature == ELEMENT_CHILDREN && c.get("addNodes") instanceof List<?> added) {
                            added.forEach(child -> parents.put(((Number) child).intValue(), node));
                        }
                    }
                    default -> {
                        // attach, clear, empty: nothing to mirror
                    }
                }
            }
        }

        private int find(String attribute, String value) {
            Integer node = findOptional(attribute, value);
            if (node == null) {
                throw new IllegalStateException("no element with " + attribute + "=" + value);
            }
            return node;
        }

        /** The newest attached element with that attribute value (older ones may still wait for their detach). */
        private Integer findOptional(String attribute, String value) {
            return attributes.entrySet().stream().filter(e -> value.equals(e.getValue().get(attribute)))
                    .map(Map.Entry::getKey).max(Integer::compare).orElse(null);
        }

        private List<Integer> nodesWith(String attribute) {
            return attributes.entrySet().stream().filter(e -> e.getValue().containsKey(attribute))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        private String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            client.screens.inspect(response.statusCode(), response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " on GET " + path);
            }
            return response.body();
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(client.options.base().resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Language", "nl");
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                        .append(value));
                builder.header("Cookie", header.toString());
            }
            return builder;
        }

        Map<String, String> cookiesWithoutSession() {
            Map<String, String> kept = new LinkedHashMap<>(cookies);
            kept.remove("JSESSIONID");
            return kept;
        }

        private void keepCookies(HttpResponse<?> response) {
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
    }

    /** The chat's "saving" line as the Dutch page says it. */
    static final String SAVING_WORDS = "wordt bewaard";

    /**
     * What the people were shown, from every response of the run (page loads and UIDL): Vaadin's error and
     * session-expired notifications, Spiegel's "something went wrong", technical words a person must never see, and the
     * calm states (the chat's saving line, the calm page while the database is away, the calm notification of a button
     * that needs it). Read from the raw response, so also what a later response replaced.
     */
    static final class Screens {

        /** Words of a stack trace, an SQL error or a driver message; none of them is in Spiegel's own texts. */
        static final java.util.regex.Pattern TECHNICAL = java.util.regex.Pattern.compile(
                "[Ee]xception|SQL|jdbc|JDBC|Hikari|Internal error|Synchronization Error|Even opnieuw laden|Caused by|\\tat |java\\.|nl\\.spiegel\\.|MariaDB|Connection is not available");

        private final Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        final AtomicInteger waits = new AtomicInteger();
        final AtomicInteger stillSaving = new AtomicInteger();

        void inspect(int status, String body) {
            count("responses");
            if (status >= 500) {
                count(status == 503 ? "http-503" : "http-5xx-other");
            }
            if (status >= 300 && status < 400) {
                // a page load or a UIDL request is never redirected in normal use (a redirect to the login page
                // while the database was away was a loop the browser ends with its own error page)
                problem("redirect", "HTTP " + status);
            }
            if (body.contains(SAVING_WORDS)) {
                count("saving-line");
            }
            if (body.contains("Even geduld")) {
                count("calm-away-page");
            }
            if (body.contains("kan je gegevens nu even niet bereiken")) {
                count("calm-away-text");
            }
            if (body.contains("Er ging iets mis")) {
                problem("something-went-wrong", body);
            }
            if (body.contains("\"sessionExpired\"")) {
                problem("session-expired", body);
            }
            java.util.regex.Matcher error = java.util.regex.Pattern
                    .compile("\"appError\"\\s*:\\s*\\{([^}]*)\\}").matcher(body);
            while (error.find()) {
                // Vaadin's instruction to reload quietly carries neither caption nor message
                if (error.group(1).matches("(?s).*\"(caption|message)\"\\s*:\\s*\".*")) {
                    problem("error-notification", body);
                } else {
                    count("quiet-reload");
                }
            }
            java.util.regex.Matcher technical = TECHNICAL.matcher(body);
            if (technical.find()) {
                problem("technical-words", technical.group() + " in "
                        + body.substring(Math.max(0, technical.start() - 80), Math.min(body.length(), technical.end() + 80)));
            }
        }

        private void count(String what) {
            counts.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
        }

        private void problem(String what, String sample) {
            count(what);
            if (samples.size() < 10) {
                samples.add(what + ": " + sample.substring(0, Math.min(sample.length(), 300)).replace('\n', ' '));
            }
        }

        /** Responses that showed a person an error or a technical word; 0 is the promise. */
        int shownErrors() {
            return java.util.stream.Stream.of("something-went-wrong", "session-expired", "error-notification",
                    "technical-words", "redirect").mapToInt(w -> counts.getOrDefault(w, new AtomicInteger()).get()).sum();
        }

        String summary() {
            StringBuilder text = new StringBuilder("screens ").append(new java.util.TreeMap<>(counts))
                    .append(" waits-for-saving=").append(waits.get()).append(" still-saving-at-end=")
                    .append(stillSaving.get()).append('\n').append("shown-errors=").append(shownErrors()).append('\n');
            samples.forEach(sample -> text.append("shown: ").append(sample).append('\n'));
            return text.toString();
        }
    }

    /**
     * What every written answer of this run became, one line each ({@code epoch-millis outcome marker}), for checking
     * against the database afterwards ({@code scripts/crash-test.sh}). Outcomes: {@code ack} (the answer came back in
     * the response: the person saw it stored), {@code in-flight} (the request went out and no usable answer came
     * back, e.g. the connection broke in a crash: it may or may not be stored), {@code refused} (the request never
     * reached a running application, or the application answered that it did not know the session, so nothing ran:
     * it must not be stored), {@code saving} (the chat said it is saving the answer and retries it by itself, as when
     * no database connection was free in time: stored at most once, and lost only when the app dies before the
     * retry) and {@code unconfirmed} (an answer came, but without the text: may be stored at most once). A {@code saving}
     * answer the person then saw stored by the chat's retry gets a second line, {@code retried}: from then on it counts
     * as acknowledged (the last line of a marker is its outcome). Markers are unique per run: {@code m:RUN-PERSON-N}.
     */
    static final class Ledger {

        private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        private final Map<Integer, AtomicInteger> perPerson = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.io.BufferedWriter out;

        Ledger(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the ledger " + file, e);
            }
        }

        String nextMarker(int person) {
            return "m:" + run + "-" + person + "-"
                    + perPerson.computeIfAbsent(person, p -> new AtomicInteger()).incrementAndGet();
        }

        static boolean neverReached(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.ConnectException) {
                    return true;
                }
                // Vaadin answers "session expired" before it looks at any event: nothing ran
                if (cause.getMessage() != null && cause.getMessage().contains("sessionExpired")) {
                    return true;
                }
            }
            return false;
        }

        synchronized void write(String outcome, String marker) {
            counts.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
            try {
                out.write(System.currentTimeMillis() + " " + outcome + " " + marker + "\n");
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the ledger", e);
            }
        }

        synchronized void close() throws IOException {
            out.close();
        }

        String summary() {
            return "ledger run=" + run + " " + new java.util.TreeMap<>(counts) + "\n";
        }
    }

    /** CPU time of watched processes (and of this client and the whole machine) from /proc, in % of one core. */
    static final class CpuSampler {

        record Snapshot(long nanos, Map<String, Long> ticks) {
        }

        private final Map<String, Long> pids = new LinkedHashMap<>();

        CpuSampler(Map<String, Long> watched) {
            pids.putAll(watched);
            pids.put("client", ProcessHandle.current().pid());
        }

        Snapshot snapshot() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
            ticks.put("machine", machineBusyTicks());
            return new Snapshot(System.nanoTime(), ticks);
        }

        Map<String, Double> percentSince(Snapshot before) {
            Map<String, Double> percent = new LinkedHashMap<>();
            if (before == null) {
                return percent;
            }
            Snapshot now = snapshot();
            double seconds = (now.nanos() - before.nanos()) / 1e9;
            now.ticks().forEach((name, ticks) -> {
                Long earlier = before.ticks().get(name);
                if (ticks >= 0 && earlier != null && earlier >= 0) {
                    // the kernel counts in USER_HZ, 100 per second on Linux
                    percent.put(name, (ticks - earlier) / 100.0 / seconds * 100);
                }
            });
            return percent;
        }

        private static long processTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        private static long machineBusyTicks() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
                long busy = 0;
                for (int i = 1; i < cpu.length; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** Just enough JSON for UIDL: objects, arrays, strings, numbers, booleans and null. */
    static final class Json {

        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            return value;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            return (Map<String, Object>) parse(text);
        }

        private Object value() {
            skip();
            char c = text.charAt(pos);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    pos++;
                    skip();
                    if (text.charAt(pos) == '}') {
                        pos++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        pos++; // ':'
                        map.put(key, value());
                        skip();
                        if (text.charAt(pos++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    pos++;
                    skip();
                    if (text.charAt(pos) == ']') {
                        pos++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (text.charAt(pos++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = pos;
                    while (pos < text.length() && ",}] \n\r\t".indexOf(text.charAt(pos)) < 0) {
                        pos++;
                    }
                    String token = text.substring(start, pos);
                    return switch (token) {
                        case "true" -> true;
                        case "false" -> false;
                        case "null" -> null;
                        default -> Double.parseDouble(token);
                    };
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        static String write(Object value) {
            return switch (value) {
                case null -> "null";
                case String s -> quote(s);
                case Map<?, ?> map -> {
                    StringBuilder out = new StringBuilder("{");
                    map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k.toString()))
                            .append(':').append(write(v)));
                    yield out.append('}').toString();
                }
                case List<?> list -> {
                    StringBuilder out = new StringBuilder("[");
                    list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(write(v)));
                    yield out.append(']').toString();
                }
                default -> value.toString();
            };
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
