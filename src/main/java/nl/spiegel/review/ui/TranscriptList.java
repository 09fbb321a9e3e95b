package nl.spiegel.review.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

import nl.spiegel.dialogue.SharedTranscript;
import nl.spiegel.review.RiskSpan;

/**
 * A dialogue as plain text, message by message: what the person wrote, what Spiegel said, the summary and the
 * exercise, with risk flags in words where given. Used for the person's preview of what they share and for the
 * therapist's transcript.
 */
class TranscriptList extends Div {

    TranscriptList(List<SharedTranscript.Line> lines, Map<Integer, List<String>> risksBySeq) {
        this(lines, risksBySeq, Map.of());
    }

    /** @param riskSpans where the signals sit in the person's messages, by seq: shown highlighted */
    TranscriptList(List<SharedTranscript.Line> lines, Map<Integer, List<String>> risksBySeq,
                   Map<Integer, List<RiskSpan>> riskSpans) {
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
            item.add(text(line.text(), riskSpans.getOrDefault(line.seq(), List.of())));
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

    /** The text with each risk span in a mark element, so screen readers and eyes both find it. */
    private Paragraph text(String text, List<RiskSpan> spans) {
        Paragraph paragraph = new Paragraph();
        int at = 0;
        for (RiskSpan span : spans) {
            if (span.start() < at || span.end() > text.length()) {
                continue;
            }
            paragraph.getElement().appendChild(Element.createText(text.substring(at, span.start())));
            Element mark = new Element("mark");
            mark.setText(text.substring(span.start(), span.end()));
            mark.getClassList().add("sp-risk-span");
            mark.setAttribute("title", getTranslation("review.risk.span"));
            paragraph.getElement().appendChild(mark);
            at = span.end();
        }
        paragraph.getElement().appendChild(Element.createText(text.substring(at)));
        return paragraph;
    }
}
