package dev.sonde.report.view;

import dev.sonde.report.ProfileEntry;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
            String name = profile.file() == null ? "(no graph)" : HtmlPage.escape(Paths.get(profile.file()).getFileName().toString());
            String link = profile.file() == null ? name
                    : "<a href=\"" + HtmlPage.escape(href(reportFile, profile.file())) + "\">" + name + "</a>";
            out.println("<li>" + link + " <span class=\"detail\">" + HtmlPage.escape(describe(profile)) + "</span></li>");
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

    /**
     * Links to the slow, normal and diff graphs of {@code operation} from the latest profile that
     * has them, for its row of the ranking; empty if none.
     */
    String sliceLinks(Path reportFile, List<ProfileEntry> profiles, String operation) {
        List<ProfileEntry> latest = new ArrayList<>();
        for (ProfileEntry profile : profiles) {
            if (operation.equals(profile.operation())) {
                if (!latest.isEmpty() && !Objects.equals(latest.get(0).start(), profile.start())) {
                    latest.clear();
                }
                latest.add(profile);
            }
        }
        StringBuilder links = new StringBuilder();
        for (ProfileEntry slice : latest) {
            String title = HtmlPage.escape(sliceSummary(slice));
            links.append(' ');
            if (slice.file() == null) {
                links.append("<span class=\"slice absent\" title=\"").append(title).append("\">")
                        .append(HtmlPage.escape(slice.slice())).append("</span>");
            } else {
                links.append("<a class=\"slice\" title=\"").append(title).append("\" href=\"")
                        .append(HtmlPage.escape(href(reportFile, slice.file()))).append("\">")
                        .append(HtmlPage.escape(slice.slice())).append("</a>");
            }
        }
        return links.length() == 0 ? "" : "<span class=\"slices\">" + links + "</span>";
    }

    private static String sliceSummary(ProfileEntry slice) {
        String text = slice.slice() + " calls: " + slice.calls() + " sampled, " + slice.samples() + " samples";
        return slice.note() == null ? text : text + "; " + slice.note();
    }

    private static String describe(ProfileEntry profile) {
        StringBuilder text = new StringBuilder();
        if (profile.slice() != null) {
            text.append(sliceSummary(profile)).append(" of ").append(profile.operation()).append("; ");
        }
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
