package dev.sonde.record;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a statement's text into the text of its operation, in which no literal survives: string,
 * number, hex, binary and dollar-quoted literals become {@code ?}; {@code IN (?, ?, ?)} becomes
 * {@code IN (?)} (a list's length must not make a new operation); comments and whitespace
 * collapse to one space. Quoted identifiers, bind markers ({@code ?}, {@code $1}, {@code :name})
 * and keywords stay as written. Also gives the short form tables show: the verb and the main
 * table ({@code SELECT owners}).
 *
 * <p>A single pass over the characters; the caller caches the result per distinct text
 * ({@link SqlStatements}), so this runs once per text, not per execution.
 */
final class SqlNormalizer {

    /** {@code IN (?, ?, ?)} after the pass has put the list in its canonical spacing. */
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN ?\\(\\?(?:, \\?)+\\)");
    /** {@code VALUES (?, ?), (?, ?)}: rows after the first, which would otherwise count per row count. */
    private static final Pattern MORE_ROWS = Pattern.compile("(?i)(\\bVALUES (\\((?:\\?|, )+\\)))(?:, \\2)+");

    private SqlNormalizer() {
    }

    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int length = sql.length();
        int i = 0;
        boolean space = false;
        while (i < length) {
            char c = sql.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
                space = true;
                continue;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
                space = true;
                continue;
            }
            space = appendSpace(out, space, c);
            if (c == '\'') {
                i = skipString(sql, i, dropPrefix(out));
                out.append('?');
            } else if (c == '"' || c == '`') {
                end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < length && Character.isDigit(sql.charAt(i + 1))) {
                end = digitsEnd(sql, i + 1);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && (end = dollarQuoteEnd(sql, i)) > 0) {
                out.append('?');
                i = end;
            } else if (isNumberStart(sql, i) && !endsWithIdentifier(out)) {
                dropListItemSign(out);
                out.append('?');
                i = numberEnd(sql, i);
            } else if (isIdentifierPart(c)) {
                end = i;
                while (end < length && isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return collapseLists(out.toString());
    }

    /**
     * Writes the pending space before {@code next}, except where the canonical form has none: after
     * an opening parenthesis, before a closing one or a comma. After a comma there is always one.
     */
    private static boolean appendSpace(StringBuilder out, boolean space, char next) {
        int last = out.length() - 1;
        char previous = last >= 0 ? out.charAt(last) : '(';
        boolean wanted = previous == ',' || space;
        if (wanted && previous != '(' && next != ')' && next != ',' && last >= 0) {
            out.append(' ');
        }
        return false;
    }

    /**
     * A string literal's prefix ({@code E'..'}, {@code N'..'}, {@code X'..'}, {@code B'..'}, {@code U&'..'})
     * is part of the literal: removed from the output. Returns whether backslash escapes apply (E).
     */
    private static boolean dropPrefix(StringBuilder out) {
        int n = out.length();
        if (n >= 2 && out.charAt(n - 1) == '&' && (out.charAt(n - 2) == 'U' || out.charAt(n - 2) == 'u')
                && (n == 2 || !isIdentifierPart(out.charAt(n - 3)))) {
            out.setLength(n - 2);
            return false;
        }
        if (n >= 1 && "EeNnXxBb".indexOf(out.charAt(n - 1)) >= 0 && (n == 1 || !isIdentifierPart(out.charAt(n - 2)))) {
            boolean escapes = out.charAt(n - 1) == 'E' || out.charAt(n - 1) == 'e';
            out.setLength(n - 1);
            return escapes;
        }
        return false;
    }

    /** The index after a string literal starting at {@code start}: {@code ''} is a quote inside it. */
    private static int skipString(String sql, int start, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int closing(String sql, int start, char close) {
        int end = sql.indexOf(close, start + 1);
        return end < 0 ? sql.length() : end + 1;
    }

    /** The index after a PostgreSQL dollar-quoted string ({@code $$..$$}, {@code $tag$..$tag$}), or -1. */
    private static int dollarQuoteEnd(String sql, int start) {
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return -1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isNumberStart(String sql, int i) {
        char c = sql.charAt(i);
        return Character.isDigit(c)
                || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)));
    }

    /** Digits, a fraction, an exponent, or hex ({@code 0x1F}): one literal. */
    private static int numberEnd(String sql, int start) {
        int i = start;
        int length = sql.length();
        if (sql.startsWith("0x", i) || sql.startsWith("0X", i)) {
            i += 2;
            while (i < length && Character.digit(sql.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        i = digitsEnd(sql, i);
        if (i < length && sql.charAt(i) == '.') {
            i = digitsEnd(sql, i + 1);
        }
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && Character.isDigit(sql.charAt(exponent))) {
                i = digitsEnd(sql, exponent);
            }
        }
        return i;
    }

    private static int digitsEnd(String sql, int start) {
        int i = start;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A minus right after {@code (} or {@code , } signs the number that follows (a minus there
     * cannot subtract): it is part of the literal, so that {@code IN (-7, -14)} and rows of
     * negative values fold like positive ones.
     */
    private static void dropListItemSign(StringBuilder out) {
        int n = out.length();
        boolean signed = n >= 2 && out.charAt(n - 1) == '-'
                && (out.charAt(n - 2) == '(' || (n >= 3 && out.charAt(n - 2) == ' ' && out.charAt(n - 3) == ','));
        if (signed) {
            out.setLength(n - 1);
        }
    }

    /** Whether a digit here continues a name ({@code t1}, {@code col_2}) rather than starting a number. */
    private static boolean endsWithIdentifier(StringBuilder out) {
        return out.length() > 0 && isIdentifierPart(out.charAt(out.length() - 1));
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
    }

    private static String collapseLists(String text) {
        String lists = text.indexOf('?') < 0 ? text : IN_LIST.matcher(text).replaceAll("IN (?)");
        return lists.indexOf("), (") < 0 ? lists : MORE_ROWS.matcher(lists).replaceAll("$1");
    }

    /**
     * The short form for tables: the verb and the main table ({@code SELECT owners},
     * {@code INSERT visits}, {@code CALL refresh_stats}); the verb alone when no table is found.
     */
    static String summary(String normalized) {
        String[] words = normalized.replace("{", " ").replace("}", " ").replace("(", " ( ").trim().split(" +");
        if (words.length == 0 || words[0].isEmpty()) {
            return normalized;
        }
        int start = words[0].equals("?") && words.length > 2 && words[1].equals("=") ? 2 : 0;
        String verb = words[start].toUpperCase(Locale.ROOT);
        String after;
        switch (verb) {
            case "SELECT":
            case "WITH":
            case "DELETE":
                after = "FROM";
                break;
            case "INSERT":
            case "MERGE":
            case "REPLACE":
                after = "INTO";
                break;
            case "CREATE":
            case "DROP":
            case "ALTER":
            case "TRUNCATE":
                return definition(verb, words, start + 1);
            case "UPDATE":
            case "CALL":
            case "EXEC":
            case "EXECUTE":
                return table(verb, words, start + 1);
            default:
                return verb;
        }
        for (int i = start + 1; i < words.length; i++) {
            if (words[i].equalsIgnoreCase(after)) {
                return table(verb.equals("WITH") ? "SELECT" : verb, words, i + 1);
            }
        }
        return verb;
    }

    /**
     * {@code CREATE TABLE owners}, {@code DROP INDEX IF EXISTS i}: the verb, the kind of object
     * (when it is one word) and its name.
     */
    private static String definition(String verb, String[] words, int at) {
        int name = at;
        while (name < words.length && isDefinitionWord(words[name])) {
            name++;
        }
        String kind = String.join(" ", java.util.Arrays.copyOfRange(words, at, name))
                .replaceAll("(?i) ?\\bIF( NOT)? EXISTS\\b", "").trim().toUpperCase(Locale.ROOT);
        return table(kind.isEmpty() ? verb : verb + " " + kind, words, name);
    }

    private static boolean isDefinitionWord(String word) {
        return word.matches("(?i)TABLE|INDEX|VIEW|SEQUENCE|SCHEMA|FUNCTION|PROCEDURE|TRIGGER|UNIQUE|TEMP|TEMPORARY"
                + "|MATERIALIZED|OR|REPLACE|IF|NOT|EXISTS|ONLY");
    }

    private static String table(String verb, String[] words, int at) {
        if (at >= words.length || words[at].equals("(") || words[at].equals("?")) {
            return verb;
        }
        String name = words[at];
        int cut = name.indexOf(',');
        return verb + " " + (cut > 0 ? name.substring(0, cut) : name);
    }
}
