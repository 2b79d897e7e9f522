package dev.sonde.instrument;

import dev.sonde.config.MethodPattern;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from the include and exclude patterns, which types to transform and which of their
 * methods to time. An exclude always wins over an include.
 */
final class MethodSelector {

    private final List<Rule> includes = new ArrayList<>();
    private final List<Rule> excludes = new ArrayList<>();

    MethodSelector(List<MethodPattern> includePatterns, List<MethodPattern> excludePatterns) {
        includePatterns.forEach(p -> includes.add(new Rule(p)));
        excludePatterns.forEach(p -> excludes.add(new Rule(p)));
    }

    boolean isEmpty() {
        return includes.isEmpty();
    }

    /** The include patterns that have selected no method so far (a typo, or classes not loaded yet). */
    List<String> unmatchedIncludes() {
        List<String> unmatched = new ArrayList<>();
        for (Rule rule : includes) {
            if (!rule.matchedAny) {
                unmatched.add(rule.pattern.toString());
            }
        }
        return unmatched;
    }

    /** Types that some include selects and no whole-class exclude removes; never synthetic ones. */
    ElementMatcher.Junction<TypeDescription> types() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                return anyType(includes, type) && !excludesWholeType(type) && !type.isSynthetic();
            }
        };
    }

    /** The methods of {@code type} to time. */
    ElementMatcher.Junction<MethodDescription> methodsOf(TypeDescription type) {
        ElementMatcher.Junction<MethodDescription> included = methodsOfMatching(includes, type);
        ElementMatcher.Junction<MethodDescription> excluded = methodsOfMatching(excludes, type);
        return included.and(ElementMatchers.not(excluded));
    }

    private boolean excludesWholeType(TypeDescription type) {
        for (Rule rule : excludes) {
            if (rule.pattern.methodSelection() == MethodPattern.MethodSelection.ALL && rule.types.matches(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyType(List<Rule> rules, TypeDescription type) {
        for (Rule rule : rules) {
            if (rule.types.matches(type)) {
                return true;
            }
        }
        return false;
    }

    private static ElementMatcher.Junction<MethodDescription> methodsOfMatching(List<Rule> rules, TypeDescription type) {
        ElementMatcher.Junction<MethodDescription> methods = ElementMatchers.none();
        for (Rule rule : rules) {
            if (rule.types.matches(type)) {
                methods = methods.or(rule.methods);
            }
        }
        return methods;
    }

    /** A pattern with its matchers built once, and whether it has matched a method yet. */
    private static final class Rule {
        final MethodPattern pattern;
        final ElementMatcher<TypeDescription> types;
        final ElementMatcher<MethodDescription> methods;
        volatile boolean matchedAny;

        Rule(MethodPattern pattern) {
            this.pattern = pattern;
            this.types = PatternMatchers.types(pattern);
            ElementMatcher<MethodDescription> matcher = PatternMatchers.methods(pattern);
            this.methods = method -> {
                boolean matches = matcher.matches(method);
                if (matches && !matchedAny) {
                    matchedAny = true;
                }
                return matches;
            };
        }
    }
}
