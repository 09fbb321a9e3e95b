package nl.spiegel.escalation.handoff.ui;

import java.time.Instant;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.risk.RiskLevel;

/**
 * Makes a new request hard to miss on the workspace: a badge with the number waiting, words for screen readers, and
 * a short tone for those who switch it on. The tone is off by default and the choice is kept in the browser
 * (localStorage), so nothing about it is stored on the server. The tone is made with the Web Audio API: no audio
 * file, no frontend bundle.
 */
class NewRequestAlert extends Div {

    static final String SOUND_KEY = "spiegel.therapist.sound";

    /** A soft two-note chime, half a second; silent when the browser has no Web Audio or blocks it. */
    private static final String TONE = """
            try {
              const Ctx = window.AudioContext || window.webkitAudioContext;
              if (!Ctx) { return; }
              const ctx = window.__spiegelTone || (window.__spiegelTone = new Ctx());
              if (ctx.state === 'suspended') { ctx.resume(); }
              [[660, 0], [880, 0.18]].forEach(([hz, at]) => {
                const osc = ctx.createOscillator();
                const gain = ctx.createGain();
                const start = ctx.currentTime + at;
                osc.type = 'sine';
                osc.frequency.value = hz;
                gain.gain.setValueAtTime(0.0001, start);
                gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
                osc.connect(gain).connect(ctx.destination);
                osc.start(start);
                osc.stop(start + 0.32);
              });
            } catch (e) { /* no sound is better than a broken workspace */ }""";

    private final Span badge = new Span();
    private final Checkbox sound = new Checkbox();
    private final Span announcement = new Span();

    NewRequestAlert() {
        setId("therapist-alert");
        addClassName("sp-therapist-alert");
        badge.setId("therapist-new-requests");
        badge.addClassName("sp-therapist-badge");
        badge.setVisible(false);
        sound.setId("therapist-sound");
        sound.setLabel(getTranslation("therapist.sound.label"));
        sound.setHelperText(getTranslation("therapist.sound.helper"));
        sound.addValueChangeListener(event -> {
            getElement().executeJs("try { localStorage.setItem($0, $1); } catch (e) { }", SOUND_KEY,
                    event.getValue() ? "on" : "off");
            if (event.getValue() && event.isFromClient()) {
                // switching it on is a click: the browser allows sound now, and the therapist hears what to expect
                getElement().executeJs(TONE);
            }
        });
        announcement.setId("therapist-announce");
        announcement.addClassName("sp-sr-only");
        announcement.getElement().setAttribute("role", "status");
        announcement.getElement().setAttribute("aria-live", "assertive");
        add(badge, sound, announcement);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("try { return localStorage.getItem($0) === 'on'; } catch (e) { return false; }",
                SOUND_KEY).then(Boolean.class, on -> sound.setValue(Boolean.TRUE.equals(on)));
        // after a reload browsers only allow sound once the page was touched: unlock it on the first click
        getElement().executeJs("""
                document.addEventListener('pointerdown', () => {
                  const Ctx = window.AudioContext || window.webkitAudioContext;
                  if (Ctx) { (window.__spiegelTone = window.__spiegelTone || new Ctx()).resume(); }
                }, { once: true });""");
    }

    /** How many requests wait now: the badge shows it while there are any. */
    void waiting(int count) {
        badge.setText(getTranslation("therapist.new-requests", count));
        badge.setVisible(count > 0);
    }

    /** A new request arrived: said to screen readers, and a tone when switched on. */
    void arrived(RiskLevel level, Instant at) {
        // the time makes each announcement new, so a second request at the same level is read out too
        announcement.setText(getTranslation("therapist.new-request.announce",
                getTranslation("handoff.level." + level.name().toLowerCase(Locale.ROOT)),
                HandoffMessageList.TIME.format(at)));
        if (sound.getValue()) {
            getElement().executeJs(TONE);
        }
    }

    boolean soundOn() {
        return sound.getValue();
    }
}
