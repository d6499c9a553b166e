package org.oreka.protocol;

import java.util.Map;


/**
 * The two reply forms of the recorder-side APIs (59140, 59170): Oreka's XML document ({@code <response><success>true</success>
 * ...</response>}) and, when the caller asks for {@code text/single-line}, the single-line form. An empty
 * comment is left out, as OrkAudio does for responses without one.
 */
public final class RecorderResponseFormat {

    private RecorderResponseFormat() {
    }

    /** The XML form. */
    public static String xml(CommandResponse response) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<response>");
        for (Map.Entry<String, String> field : response.fields().entrySet()) {
            if (isShown(field)) {
                out.append('<').append(field.getKey()).append('>').append(escapeXml(field.getValue()))
                        .append("</").append(field.getKey()).append('>');
            }
        }
        return out.append("</response>\n").toString();
    }

    /** The single-line form ({@code success=true comment=... }). */
    public static String singleLine(CommandResponse response) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : response.fields().entrySet()) {
            if (isShown(field)) {
                out.append(field.getKey()).append('=').append(SingleLine.escape(field.getValue())).append(' ');
            }
        }
        return out.toString();
    }

    private static boolean isShown(Map.Entry<String, String> field) {
        return !(field.getKey().equals("comment") && field.getValue().isEmpty());
    }

    private static String escapeXml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
