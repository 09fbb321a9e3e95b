package nl.spiegel.review.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.dialogue.SharedTranscript;

/**
 * A dialogue as plain text, message by message: what the person wrote, what Spiegel said, the summary and the
 * exercise, with risk flags in words where given. Used for the person's preview of what they share and for the
 * therapist's transcript.
 */
class TranscriptList extends Div {

    TranscriptList(List<SharedTranscript.Line> lines, Map<Integer, List<String>> risksBySeq) {
        addClassName("sp-transcript");
        for (SharedTranscript.Line line : lines) {
            Div item = new Div();
            item.addClassNames("sp-transcript-item", "sp-transcript-" + line.kind());
            Span who = new Span(getTranslation(line.fromPerson() ? "review.transcript.person"
                    : "review.transcript.kind." + line.kind()));
            who.addClassName("sp-transcript-who");
            item.add(who);
            if (line.title() != null) {
                item.add(new Paragraph(line.title()));
            }
            item.add(new Paragraph(line.text()));
            List<String> risk = risksBySeq.get(line.seq());
            if (risk != null) {
                Span flag = new Span(getTranslation("review.risk.flag", RiskWords.describe(this, risk)));
                flag.addClassName("sp-risk-flag");
                item.addClassName("sp-transcript-risky");
                item.add(flag);
            }
            add(item);
        }
    }
}
