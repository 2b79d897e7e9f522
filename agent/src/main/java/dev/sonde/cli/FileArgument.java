package dev.sonde.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A file name as given on the command line, made a {@link Path}. Some names are not paths on this
 * system: a name with characters that the encoding for file names cannot represent (a non-ASCII
 * name under {@code LANG=C}), or with a NUL. The JDK says so with an {@code InvalidPathException};
 * the user gets one line that names the file and what to do.
 */
final class FileArgument {

    private FileArgument() {
    }

    static Path of(String name) throws BadInputException {
        if (name.indexOf('\0') >= 0) {
            throw new BadInputException(printable(name) + ": a file name cannot contain a NUL character");
        }
        try {
            return Paths.get(name);
        } catch (InvalidPathException e) {
            throw new BadInputException(printable(name) + ": this system cannot use this file name: its encoding for file names ("
                    + System.getProperty("sun.jnu.encoding", "unknown") + ") cannot represent it; run with a UTF-8 locale"
                    + " (e.g. LC_ALL=C.UTF-8) or rename the file");
        }
    }

    /** {@code --out FILE}: a name, never empty (an empty name would be the current directory). */
    static Path out(CommandLine line) throws UsageException {
        if (line.option("out").isEmpty()) {
            return null;
        }
        String name = line.option("out").get();
        if (name.isBlank()) {
            throw new UsageException("--out needs a file name, not an empty one");
        }
        return of(name);
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }
}
