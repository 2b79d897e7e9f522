package dev.sonde.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last step of every file sonde writes aside and then puts in place (reports, flame graphs,
 * pages): a reader sees the old file or the whole new one, never part of it.
 */
public final class AtomicMove {

    private AtomicMove() {
    }

    /** Renames {@code from} over {@code to}; a plain replace where the file system cannot rename atomically. */
    public static void intoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
