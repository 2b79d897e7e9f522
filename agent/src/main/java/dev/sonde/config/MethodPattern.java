package dev.sonde.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parsed {@code include=}/{@code exclude=} pattern: which classes, then which of their methods.
 *
 * <pre>
 * com.acme.OrderService#place                       one method name (all overloads)
 * com.acme.OrderService#place(long,java.lang.String) one overload
 * com.acme.OrderService#note(java.lang.String...)     varargs, the same as java.lang.String[]
 * com.acme.OrderService  |  com.acme.OrderService#*  all methods
 * com.acme.*Service#*     *  = any characters within one name segment
 * com.acme.**#handle*     ** = any characters, across packages (com.acme.**.X includes com.acme.X)
 * &#64;org.acme.Timed#*          classes annotated with it
 * +com.acme.Handler#handle  the type and all its subtypes
 * com.acme.Api#&#64;io.micrometer.core.annotation.Timed   methods annotated with it
 * com.acme.Order#&lt;init&gt;     constructors, only when named
 * </pre>
 *
 * Parsing is strict: anything else is a {@link ConfigException} naming the pattern and the problem.
 */
public final class MethodPattern {

    /** How the class part selects types. */
    public enum TypeSelection { NAME, ANNOTATED, SUBTYPE_OF }

    /** How the method part selects methods. */
    public enum MethodSelection { ALL, NAME, ANNOTATED, CONSTRUCTOR }

    public static final String CONSTRUCTOR_NAME = "<init>";

    private static final Pattern TYPE_NAME = Pattern.compile("[\\p{L}\\p{N}_$*]+(\\.[\\p{L}\\p{N}_$*]+)*");
    private static final Pattern EXACT_TYPE_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern METHOD_NAME = Pattern.compile("[\\p{L}\\p{N}_$*]+");
    /** Dot-separated names, then {@code []} per dimension, then {@code ...} for a varargs parameter. */
    private static final Pattern PARAMETER_TYPE = Pattern.compile(
            "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\[\\])*(\\.\\.\\.)?");
    private static final String VARARGS = "...";

    private final String text;
    private final TypeSelection typeSelection;
    private final String typeText;
    private final Pattern typeNameRegex;
    /**
     * The class part up to its first {@code *}: every name the pattern matches starts with it. Checked
     * before the regular expression, which saves most of the check for most classes (it is asked for
     * every class the JVM loads).
     */
    private final String typeNamePrefix;
    private final MethodSelection methodSelection;
    private final String methodText;
    private final Pattern methodNameRegex;
    private final List<String> parameterTypes;

    private MethodPattern(String text, TypeSelection typeSelection, String typeText, MethodSelection methodSelection,
                          String methodText, List<String> parameterTypes) {
        this.text = text;
        this.typeSelection = typeSelection;
        this.typeText = typeText;
        this.typeNameRegex = typeSelection == TypeSelection.NAME ? globToRegex(typeText, "[^.]*") : null;
        int firstStar = typeText.indexOf('*');
        this.typeNamePrefix = firstStar < 0 ? typeText : typeText.substring(0, firstStar);
        this.methodSelection = methodSelection;
        this.methodText = methodText;
        this.methodNameRegex = methodSelection == MethodSelection.NAME ? globToRegex(methodText, ".*") : null;
        this.parameterTypes = parameterTypes;
    }

    public static MethodPattern parse(String text) throws ConfigException {
        String pattern = text.trim();
        if (pattern.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        int hash = pattern.indexOf('#');
        if (hash >= 0 && pattern.indexOf('#', hash + 1) >= 0) {
            throw invalid(text, "only one '#' may separate class and method");
        }
        String typePart = hash < 0 ? pattern : pattern.substring(0, hash);
        String methodPart = hash < 0 ? "*" : pattern.substring(hash + 1);

        TypeSelection typeSelection = TypeSelection.NAME;
        String typeText = typePart;
        if (typePart.startsWith("@")) {
            typeSelection = TypeSelection.ANNOTATED;
            typeText = typePart.substring(1);
        } else if (typePart.startsWith("+")) {
            typeSelection = TypeSelection.SUBTYPE_OF;
            typeText = typePart.substring(1);
        }
        checkTypeText(text, typeSelection, typeText);
        return parseMethodPart(text, typeSelection, typeText, methodPart);
    }

    private static void checkTypeText(String text, TypeSelection selection, String typeText) throws ConfigException {
        if (typeText.isEmpty()) {
            throw invalid(text, "the class part is empty");
        }
        if (selection == TypeSelection.NAME) {
            if (!TYPE_NAME.matcher(typeText).matches()) {
                throw invalid(text, "'" + typeText + "' is not a class name (letters, digits, _ $ . and * only)");
            }
            if (typeText.contains("***")) {
                throw invalid(text, "use * (within a name) or ** (across packages), not ***");
            }
        } else if (!EXACT_TYPE_NAME.matcher(typeText).matches()) {
            throw invalid(text, "'" + typeText + "' must be a fully qualified type name without wildcards");
        }
    }

    private static MethodPattern parseMethodPart(String text, TypeSelection typeSelection, String typeText,
                                                 String methodPart) throws ConfigException {
        if (methodPart.isEmpty()) {
            throw invalid(text, "the method part after '#' is empty (use #* for all methods)");
        }
        if (methodPart.startsWith("@")) {
            String annotation = methodPart.substring(1);
            if (!EXACT_TYPE_NAME.matcher(annotation).matches()) {
                throw invalid(text, "'" + annotation + "' must be a fully qualified annotation name");
            }
            return new MethodPattern(text.trim(), typeSelection, typeText, MethodSelection.ANNOTATED, annotation, null);
        }
        String name = methodPart;
        List<String> parameters = null;
        int open = methodPart.indexOf('(');
        if (open >= 0) {
            if (!methodPart.endsWith(")") || methodPart.indexOf('(', open + 1) >= 0) {
                throw invalid(text, "a parameter list is written (type,type,...) at the end");
            }
            name = methodPart.substring(0, open);
            parameters = parseParameters(text, methodPart.substring(open + 1, methodPart.length() - 1));
        }
        if (name.equals("<clinit>")) {
            throw invalid(text, "static initialisers cannot be timed");
        }
        if (name.equals(CONSTRUCTOR_NAME)) {
            return new MethodPattern(text.trim(), typeSelection, typeText, MethodSelection.CONSTRUCTOR, name, parameters);
        }
        if (!METHOD_NAME.matcher(name).matches()) {
            throw invalid(text, "'" + name + "' is not a method name (letters, digits, _ $ and * only)");
        }
        MethodSelection selection = name.equals("*") && parameters == null ? MethodSelection.ALL : MethodSelection.NAME;
        return new MethodPattern(text.trim(), typeSelection, typeText, selection, name, parameters);
    }

    private static List<String> parseParameters(String text, String list) throws ConfigException {
        if (list.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> types = new ArrayList<>();
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String type = items[i].trim();
            if (!PARAMETER_TYPE.matcher(type).matches()) {
                throw invalid(text, "'" + type + "' is not a parameter type (e.g. long, java.lang.String, int[])");
            }
            if (type.endsWith(VARARGS) && i < items.length - 1) {
                throw invalid(text, "only the last parameter can be varargs ('" + type + "')");
            }
            types.add(asArray(type));
        }
        return Collections.unmodifiableList(types);
    }

    /** {@code String...} is compiled to a {@code String[]} parameter, the only form the class file knows. */
    private static String asArray(String type) {
        return type.endsWith(VARARGS) ? type.substring(0, type.length() - VARARGS.length()) + "[]" : type;
    }

    private static ConfigException invalid(String text, String why) {
        return new ConfigException("invalid pattern '" + text.trim() + "': " + why);
    }

    /**
     * {@code **} spans dots, {@code *} stays inside one segment (for methods there are no dots). A
     * whole segment {@code **} also stands for no package at all, as in Ant paths:
     * {@code com.acme.**.OrderService} matches {@code com.acme.OrderService}.
     */
    private static Pattern globToRegex(String glob, String singleStar) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean wholeSegment = (i == 0 || glob.charAt(i - 1) == '.')
                            && i + 2 < glob.length() && glob.charAt(i + 2) == '.';
                    if (wholeSegment) {
                        regex.append("(?:.*\\.)?");
                        i += 2;
                    } else {
                        regex.append(".*");
                        i++;
                    }
                } else {
                    regex.append(singleStar);
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** For {@link TypeSelection#NAME}: whether a binary class name ({@code a.b.Outer$Inner}) matches. */
    public boolean matchesTypeName(String className) {
        return typeNameRegex != null && className.startsWith(typeNamePrefix)
                && typeNameRegex.matcher(className).matches();
    }

    /** For {@link MethodSelection#NAME}: whether a method name matches. */
    public boolean matchesMethodName(String methodName) {
        return methodNameRegex != null && methodNameRegex.matcher(methodName).matches();
    }

    /** The parameter types the pattern requires, if it names an overload; varargs as arrays ({@code String[]}). */
    public Optional<List<String>> parameterTypes() {
        return Optional.ofNullable(parameterTypes);
    }

    public TypeSelection typeSelection() {
        return typeSelection;
    }

    /** The class part without its {@code @} or {@code +} prefix. */
    public String typeText() {
        return typeText;
    }

    public MethodSelection methodSelection() {
        return methodSelection;
    }

    /** The method part: a name glob, an annotation name or {@code <init>}. */
    public String methodText() {
        return methodText;
    }

    /** Whether the class part is a plain class name without wildcards. */
    public boolean namesExactType() {
        return typeSelection == TypeSelection.NAME && typeText.indexOf('*') < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
