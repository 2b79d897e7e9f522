package dev.sonde.instrument;

import dev.sonde.config.MethodPattern;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Decides, from the include and exclude patterns, which types to transform and which of their
 * methods to time. An exclude always wins over an include.
 */
final class MethodSelector {

    private final List<Rule> includes = new ArrayList<>();
    private final List<Rule> excludes = new ArrayList<>();
    private final ClassLoadingMachinery classLoading = new ClassLoadingMachinery();

    MethodSelector(List<MethodPattern> includePatterns, List<MethodPattern> excludePatterns) {
        includePatterns.forEach(p -> includes.add(new Rule(p)));
        excludePatterns.forEach(p -> excludes.add(new Rule(p)));
    }

    boolean isEmpty() {
        return includes.isEmpty();
    }

    /**
     * The include patterns that have timed no method so far: a typo, classes not loaded yet, or an
     * exclude that removes every method they match.
     */
    List<UntimedInclude> untimedIncludes() {
        List<UntimedInclude> untimed = new ArrayList<>();
        for (Rule rule : includes) {
            if (!rule.timedAny) {
                untimed.add(new UntimedInclude(rule.pattern.toString(), new ArrayList<>(rule.removedBy)));
            }
        }
        return untimed;
    }

    /**
     * Types that some include selects and no whole-class exclude removes; never synthetic ones, nor
     * class-loading machinery that only a wildcard selects ({@link ClassLoadingMachinery}).
     */
    ElementMatcher.Junction<TypeDescription> types() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                if (!anyType(includes, type)) {
                    return false;
                }
                Rule wholeTypeExclude = wholeTypeExclude(type);
                if (wholeTypeExclude != null) {
                    noteRemovedType(rulesFor(includes, type), type, wholeTypeExclude);
                    return false;
                }
                // Last: these parse the class file of a class being loaded.
                return !type.isSynthetic() && !classLoading.keepsUntimed(type, patternsOf(rulesFor(includes, type)));
            }
        };
    }

    /** The methods of {@code type} to time: those an include selects and no exclude removes. */
    ElementMatcher.Junction<MethodDescription> methodsOf(TypeDescription type) {
        List<Rule> including = rulesFor(includes, type);
        List<Rule> excluding = rulesFor(excludes, type);
        return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
            @Override
            public boolean matches(MethodDescription method) {
                List<Rule> selecting = matching(including, method);
                if (selecting.isEmpty()) {
                    return false;
                }
                List<Rule> removing = matching(excluding, method);
                Rule remover = removing.isEmpty() ? null : removing.get(0);
                selecting.forEach(rule -> rule.noteSelected(remover));
                return remover == null;
            }
        };
    }

    /**
     * Whether a pattern may select or remove the class named {@code className} by an annotation, of
     * the class (any name) or of a method (in a class the pattern's name part selects).
     */
    boolean mayMatchByAnnotation(String className) {
        return mayMatchByAnnotation(includes, className) || mayMatchByAnnotation(excludes, className);
    }

    private static boolean mayMatchByAnnotation(List<Rule> rules, String className) {
        for (Rule rule : rules) {
            MethodPattern pattern = rule.pattern;
            boolean byMethodAnnotation = pattern.methodSelection() == MethodPattern.MethodSelection.ANNOTATED
                    && (pattern.typeSelection() != MethodPattern.TypeSelection.NAME || pattern.matchesTypeName(className));
            if (pattern.typeSelection() == MethodPattern.TypeSelection.ANNOTATED || byMethodAnnotation) {
                return true;
            }
        }
        return false;
    }

    private Rule wholeTypeExclude(TypeDescription type) {
        for (Rule rule : excludes) {
            if (rule.pattern.methodSelection() == MethodPattern.MethodSelection.ALL && rule.types.matches(type)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * A type that an exclude removes whole is never transformed, so its methods never reach
     * {@link #methodsOf}: the includes that would have selected some of them learn it here, and are
     * not reported as typos.
     */
    private static void noteRemovedType(List<Rule> including, TypeDescription type, Rule remover) {
        for (Rule rule : including) {
            if (type.getDeclaredMethods().stream().anyMatch(rule.methods::matches)) {
                rule.noteSelected(remover);
            }
        }
    }

    /** Called for every class the JVM loads: no allocation. */
    private static boolean anyType(List<Rule> rules, TypeDescription type) {
        for (Rule rule : rules) {
            if (rule.types.matches(type)) {
                return true;
            }
        }
        return false;
    }

    private static List<MethodPattern> patternsOf(List<Rule> rules) {
        List<MethodPattern> patterns = new ArrayList<>(rules.size());
        rules.forEach(rule -> patterns.add(rule.pattern));
        return patterns;
    }

    private static List<Rule> rulesFor(List<Rule> rules, TypeDescription type) {
        List<Rule> matching = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.types.matches(type)) {
                matching.add(rule);
            }
        }
        return matching;
    }

    private static List<Rule> matching(List<Rule> rules, MethodDescription method) {
        List<Rule> matching = new ArrayList<>(1);
        for (Rule rule : rules) {
            if (rule.methods.matches(method)) {
                matching.add(rule);
            }
        }
        return matching;
    }

    /**
     * A pattern with its matchers built once and, for an include, what became of the methods it
     * selected: whether one was timed, and which excludes removed the others.
     */
    private static final class Rule {
        final MethodPattern pattern;
        final ElementMatcher<TypeDescription> types;
        final ElementMatcher<MethodDescription> methods;
        volatile boolean timedAny;
        /** Exclude patterns, in the order first met; at most as many as there are excludes. */
        final Set<String> removedBy = new CopyOnWriteArraySet<>();

        Rule(MethodPattern pattern) {
            this.pattern = pattern;
            this.types = PatternMatchers.types(pattern);
            this.methods = PatternMatchers.methods(pattern);
        }

        /** This include selected a method, which {@code remover} (an exclude, or null) took away. */
        void noteSelected(Rule remover) {
            if (remover == null) {
                timedAny = true;
            } else {
                removedBy.add(remover.pattern.toString());
            }
        }
    }
}
