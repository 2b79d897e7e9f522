package dev.sonde.report.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The frame of sonde's self-contained HTML pages: one file that needs no network, with its style
 * sheet ({@code report.css}) and script ({@code report.js}) inlined from the agent jar. The script
 * makes tables of class {@code sortable} sortable, records any script error into the page
 * ({@code #sonde-errors}, {@code data-sonde-errors}) and marks the page
 * {@code data-sonde-ready="<rows> rows, <charts> charts"} once it has run; tests read both.
 */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** Everything up to and including the opening {@code <main>}. */
    public static void open(PrintWriter out, String title) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\">");
        out.println("<head>");
        out.println("<meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + escape(title) + "</title>");
        out.println("<style>");
        out.print(resource("report.css"));
        out.println("</style>");
        out.println("<script>");
        out.print(resource("report.js"));
        out.println("</script>");
        out.println("</head>");
        out.println("<body>");
        out.println("<pre id=\"sonde-errors\" hidden></pre>");
        out.println("<main>");
    }

    /** Closes what {@link #open} opened. */
    public static void close(PrintWriter out) {
        out.println("</main>");
        out.println("</body>");
        out.println("</html>");
    }

    /** Text made safe for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '&': escaped.append("&amp;"); break;
                case '"': escaped.append("&quot;"); break;
                case '\'': escaped.append("&#39;"); break;
                default: escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * An operation name set for reading in a narrow column: the package muted, the class and method
     * in full, with break opportunities after dots and slashes instead of breaks inside words.
     */
    public static String operationName(String name) {
        int hash = name.indexOf('#');
        int lastDot = name.contains(" ") ? -1 : name.lastIndexOf('.', hash >= 0 ? hash : name.length());
        String qualifier = name.substring(0, lastDot + 1);
        String member = name.substring(lastDot + 1);
        return "<code class=\"op\">" + (qualifier.isEmpty() ? "" : "<span class=\"pkg\">" + breakable(qualifier) + "</span>")
                + "<span class=\"member\">" + breakable(member) + "</span></code>";
    }

    private static String breakable(String text) {
        return escape(text).replace(".", ".<wbr>").replace("/", "/<wbr>").replace("#", "<wbr>#");
    }

    /** A header cell the page script sorts by: {@code type} is {@code num} or {@code text}; {@code key} names it in {@code #sort=}. */
    public static String sortableHeader(String text, String key, String type) {
        return "<th data-key=\"" + key + "\" data-type=\"" + type + "\" tabindex=\"0\">" + escape(text) + "</th>";
    }

    /** A table cell sorted by a number: {@code <td data-v="1234">1.2 µs</td>}. */
    public static String numberCell(long sortValue, String text) {
        return "<td data-v=\"" + sortValue + "\">" + escape(text) + "</td>";
    }

    /** A table cell sorted by a number, for fractional figures. */
    public static String numberCell(double sortValue, String text) {
        return "<td data-v=\"" + sortValue + "\">" + escape(text) + "</td>";
    }

    /** A cell for a figure the report does not have: sorts below every number. */
    public static String absentCell() {
        return "<td data-v=\"-1\" class=\"absent\">–</td>";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the agent jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
