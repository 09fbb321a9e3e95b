package nl.spiegel.privacy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.spiegel.privacy.PersonalDataSection;
import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The export as one self-contained, readable HTML page: a heading per section, labels in the person's language,
 * everything the person wrote escaped and shown as it is. No scripts, no external resources.
 */
public final class HtmlExport {

    /** Times are shown as the person knows them: Dutch time. */
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;\
            color:#1f2933}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #cbd2d9}\
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}dt{font-weight:600}\
            dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}.item{border:1px solid #e4e7eb;border-radius:.5rem;\
            padding:.5rem 1rem;margin:.75rem 0}.none{color:#616e7c}""";

    private final SpiegelI18NProvider i18n;
    private final Locale locale;
    private final DateTimeFormatter moments;
    private final Writer out;

    private HtmlExport(SpiegelI18NProvider i18n, Locale locale, Writer out) {
        this.i18n = i18n;
        this.locale = SpiegelI18NProvider.supported(locale);
        this.moments = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(this.locale)
                .withZone(Moments.ZONE);
        this.out = out;
    }

    public static void write(ExportDocument document, SpiegelI18NProvider i18n, OutputStream stream)
            throws IOException {
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        new HtmlExport(i18n, document.locale(), writer).document(document);
        writer.flush();
    }

    private void document(ExportDocument document) throws IOException {
        String title = t("mydata.export.title");
        out.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>\n");
        out.write("<h1>" + escape(title) + "</h1>\n<p>" + escape(t("mydata.export.made", moments.format(
                document.exportedAt()))) + "</p>\n<p>" + escape(t("mydata.export.about")) + "</p>\n");
        for (PersonalDataSection section : document.sections()) {
            out.write("<section><h2>" + escape(t("mydata.section." + section.name())) + "</h2>\n");
            value(section.content());
            out.write("</section>\n");
        }
        out.write("</body></html>\n");
    }

    private void value(Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.write("<dl>");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.write("<dt>" + escape(label(String.valueOf(entry.getKey()))) + "</dt><dd>");
                value(entry.getValue());
                out.write("</dd>");
            }
            out.write("</dl>\n");
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.write("<p class=\"none\">" + escape(t("mydata.export.none")) + "</p>\n");
                return;
            }
            for (Object item : list) {
                if (item instanceof Map<?, ?>) {
                    out.write("<div class=\"item\">");
                    value(item);
                    out.write("</div>\n");
                } else {
                    out.write("<div>");
                    value(item);
                    out.write("</div>");
                }
            }
        } else {
            out.write(escape(scalar(value)));
        }
    }

    private String scalar(Object value) {
        if (value == null) {
            return "\u2014";
        }
        if (value instanceof Instant instant) {
            return moments.format(instant);
        }
        if (value instanceof Boolean yes) {
            return t(yes ? "mydata.export.yes" : "mydata.export.no");
        }
        return String.valueOf(value);
    }

    private String label(String key) {
        String label = i18n.getTranslation("mydata.field." + key, locale);
        // a field added later without a label still shows, under its own name
        return label.startsWith("!") ? key : label;
    }

    private String t(String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
