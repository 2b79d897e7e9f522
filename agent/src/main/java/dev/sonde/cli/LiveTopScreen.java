package dev.sonde.cli;

import dev.sonde.report.view.TopFrame;
import dev.sonde.report.view.TopSettings;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code top} in a terminal, through JLine: the alternate screen in raw mode, one frame redrawn at
 * each refresh, key press or resize, keys read with the terminal's own key codes (terminfo), and the
 * terminal restored as it was on the way out, whatever the way out. JLine reports a terminal that
 * fails (closed, or {@code stty} not answering) with {@link java.io.IOError}.
 */
final class LiveTopScreen implements AutoCloseable {

    /** How long a key or a resize may wait for the screen to answer it. */
    private static final long KEY_POLL_MILLIS = 100;

    private static final int ESCAPE = 27;
    private static final int BACKSPACE = 127;

    static final String KEYS_LINE = "s sort · r reverse · k kind · / filter · arrows PgUp PgDn scroll · q quit";

    /** What a key press does. */
    private enum Action { SORT, REVERSE, KIND, FILTER, UP, DOWN, PAGE_UP, PAGE_DOWN, QUIT, NOTHING }

    private final Terminal terminal;
    private final Attributes original;
    private final Display display;
    private final BindingReader input;
    private final KeyMap<Action> keys;
    private volatile boolean quit;
    private volatile boolean resized;
    /** Read at the start and after each resize only: every reading runs {@code stty}. */
    private Size size;
    /** The filter being typed after {@code /}; null when none is. */
    private StringBuilder filterTyped;

    private LiveTopScreen(Terminal terminal) {
        this.terminal = terminal;
        this.original = terminal.getAttributes();
        terminal.setAttributes(keysOnly(original));
        this.display = new Display(terminal, true);
        this.input = new BindingReader(terminal.reader());
        this.keys = keyMap(terminal);
        // Ctrl-C arrives as a key; this is for SIGINT sent by other means (kill -INT).
        terminal.handle(Terminal.Signal.INT, signal -> quit = true);
        terminal.handle(Terminal.Signal.WINCH, signal -> resized = true);
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        // The alternate screen keeps the cursor where the shell left it; the display draws from the top left.
        display.clear();
        this.size = terminal.getSize();
    }

    /**
     * Raw mode as JLine's, and Ctrl-C a key too: left to the line discipline, it would send SIGINT to
     * the whole process group, killing an {@code stty} JLine runs at that moment, and top with it.
     */
    private static Attributes keysOnly(Attributes original) {
        Attributes raw = new Attributes(original);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN, LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
        raw.setControlChar(ControlChar.VMIN, 0);
        raw.setControlChar(ControlChar.VTIME, 1);
        return raw;
    }

    /** The screen, or empty when there is no terminal to draw on (output piped, CI): then one plain frame does. */
    static Optional<LiveTopScreen> open() throws IOException {
        // The exec provider made directly: JLine's lookup of providers by resource file names classes
        // by their original package, which relocation has changed.
        TerminalProvider provider = new ExecTerminalProvider();
        if (!provider.isSystemStream(SystemStream.Input) || !provider.isSystemStream(SystemStream.Output)) {
            return Optional.empty();
        }
        Charset encoding = Charset.defaultCharset();
        Terminal terminal = provider.sysTerminal("sonde top", System.getenv("TERM"), false, encoding, encoding,
                encoding, encoding, true, Terminal.SignalHandler.SIG_DFL, false, SystemStream.Output);
        return Optional.of(new LiveTopScreen(terminal));
    }

    private static KeyMap<Action> keyMap(Terminal terminal) {
        KeyMap<Action> keys = new KeyMap<>();
        keys.bind(Action.SORT, "s");
        keys.bind(Action.REVERSE, "r");
        keys.bind(Action.KIND, "k");
        keys.bind(Action.FILTER, "/");
        keys.bind(Action.QUIT, "q", KeyMap.ctrl('C'));
        keys.bind(Action.UP, KeyMap.key(terminal, Capability.key_up));
        keys.bind(Action.DOWN, KeyMap.key(terminal, Capability.key_down));
        keys.bind(Action.PAGE_UP, KeyMap.key(terminal, Capability.key_ppage));
        keys.bind(Action.PAGE_DOWN, KeyMap.key(terminal, Capability.key_npage));
        keys.setNomatch(Action.NOTHING);
        return keys;
    }

    /** Shows a window every {@code interval} until {@code q} or Ctrl-C; returns the exit code. */
    int run(TopTarget target, TopSettings initial, Duration interval) throws TargetException {
        TopSample previous = target.sample();
        TopFrame frame = previous.waitingFrame(target.pid(), initial, footer());
        long nextRefresh = System.nanoTime() + interval.toNanos();
        draw(frame);
        while (!quit) {
            long waitMillis = (nextRefresh - System.nanoTime()) / 1_000_000;
            if (waitMillis <= 0) {
                TopSample latest = target.sample();
                frame = latest.frameSince(previous, target.pid(), frame.settings(), footer());
                previous = latest;
                nextRefresh += interval.toNanos();
                draw(frame);
                continue;
            }
            TopFrame answered = answerKeys(frame, Math.min(waitMillis, KEY_POLL_MILLIS));
            if (resized) {
                // What the terminal kept of the old frame is no longer where the display thinks it is.
                resized = false;
                size = terminal.getSize();
                display.clear();
                draw(answered);
            } else if (answered != frame) {
                draw(answered);
            }
            frame = answered;
        }
        return Main.OK;
    }

    /** The frame after the keys pressed within {@code waitMillis}; the same frame when none was. */
    private TopFrame answerKeys(TopFrame frame, long waitMillis) {
        if (input.peekCharacter(waitMillis) < 0) {
            return frame;
        }
        if (filterTyped != null) {
            return typeFilter(frame, input.readCharacter());
        }
        TopSettings settings = frame.settings();
        int height = size.getRows();
        int page = Math.max(1, height - 8);
        switch (input.readBinding(keys)) {
            case SORT:
                return frame.with(settings.nextOrder());
            case REVERSE:
                return frame.with(settings.reverse());
            case KIND:
                return frame.with(settings.nextKind(frame.kinds()));
            case FILTER:
                filterTyped = new StringBuilder(settings.filter());
                return frame.with(settings);
            case UP:
                return frame.scrolledBy(-1, height);
            case DOWN:
                return frame.scrolledBy(1, height);
            case PAGE_UP:
                return frame.scrolledBy(-page, height);
            case PAGE_DOWN:
                return frame.scrolledBy(page, height);
            case QUIT:
                quit = true;
                return frame;
            default:
                return frame;
        }
    }

    /** A key while the filter is typed: Enter applies it, Escape drops the change, Backspace deletes. */
    private TopFrame typeFilter(TopFrame frame, int key) {
        if (key == '\r' || key == '\n') {
            String text = filterTyped.toString();
            filterTyped = null;
            return frame.with(frame.settings().filter(text));
        }
        if (key == ESCAPE) {
            filterTyped = null;
        } else if (key == BACKSPACE || key == '\b') {
            filterTyped.setLength(Math.max(0, filterTyped.length() - 1));
        } else if (key >= ' ') {
            filterTyped.appendCodePoint(key);
        }
        return frame.with(frame.settings());
    }

    private List<String> footer() {
        return List.of("", KEYS_LINE);
    }

    private void draw(TopFrame frame) {
        List<String> lines = new ArrayList<>(frame.fitted(size.getColumns() - 1, size.getRows()));
        if (filterTyped != null) {
            lines.set(lines.size() - 1, "filter (Enter applies, Esc cancels): " + filterTyped + "_");
        }
        display.resize(size.getRows(), size.getColumns());
        display.update(lines.stream().map(AttributedString::new).collect(Collectors.toList()), -1);
        terminal.flush();
    }

    /** Puts the terminal back as it was: main screen, cursor, keypad and line discipline. */
    @Override
    public void close() throws IOException {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
        terminal.setAttributes(original);
        terminal.close();
    }
}
