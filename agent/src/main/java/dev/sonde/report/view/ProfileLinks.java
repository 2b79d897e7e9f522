package dev.sonde.report.view;

import dev.sonde.report.ProfileEntry;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The "Flame graphs" section of an HTML page: one link per entry of the report's {@code profiles}.
 * A relative file name in the report is relative to the report's directory; the link is made
 * relative to the page when the page's location is known (so a folder of report, page and flame
 * graphs can be moved or archived whole), else it is an absolute {@code file:} URI.
 */
final class ProfileLinks {

    private final Path pageLocation;

    ProfileLinks(Path pageLocation) {
        this.pageLocation = pageLocation == null ? null : pageLocation.toAbsolutePath().normalize();
    }

    void write(Path reportFile, List<ProfileEntry> profiles, PrintWriter out) {
        if (profiles.isEmpty()) {
            return;
        }
        out.println("<section id=\"profiles\"><h2>Flame graphs</h2><ul class=\"profiles\">");
        for (ProfileEntry profile : profiles) {
            out.println("<li><a href=\"" + HtmlPage.escape(href(reportFile, profile.file())) + "\">"
                    + HtmlPage.escape(Paths.get(profile.file()).getFileName().toString()) + "</a> <span class=\"detail\">"
                    + HtmlPage.escape(describe(profile)) + "</span></li>");
        }
        out.println("</ul></section>");
    }

    String href(Path reportFile, String file) {
        Path reportDirectory = reportFile.toAbsolutePath().normalize().getParent();
        Path target = reportDirectory.resolve(file).normalize();
        if (pageLocation == null) {
            return target.toUri().toString();
        }
        String relative = pageLocation.getParent().relativize(target).toString().replace('\\', '/');
        return relative.replace("%", "%25").replace("#", "%23").replace("?", "%3F").replace(" ", "%20");
    }

    private static String describe(ProfileEntry profile) {
        StringBuilder text = new StringBuilder();
        if (profile.event() != null) {
            text.append(profile.event());
        }
        if (profile.seconds() > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(HumanUnits.duration((long) (profile.seconds() * 1e9)));
        }
        if (profile.start() != null) {
            text.append(text.length() == 0 ? "" : ", from ").append(profile.start());
        }
        if (profile.reason() != null) {
            text.append(text.length() == 0 ? "" : ", ").append(profile.reason());
        }
        return text.toString();
    }
}
