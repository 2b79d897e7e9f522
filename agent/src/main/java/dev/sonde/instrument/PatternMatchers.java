package dev.sonde.instrument;

import dev.sonde.config.MethodPattern;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.inheritsAnnotation;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;

/** Translates a {@link MethodPattern} into Byte Buddy matchers for its class part and method part. */
final class PatternMatchers {

    private PatternMatchers() {
    }

    static ElementMatcher.Junction<TypeDescription> types(MethodPattern pattern) {
        switch (pattern.typeSelection()) {
            case ANNOTATED:
                return inheritsAnnotation(named(pattern.typeText()));
            case SUBTYPE_OF:
                return hasSuperType(named(pattern.typeText()));
            default:
                return pattern.namesExactType()
                        ? named(pattern.typeText())
                        : new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
                            @Override
                            public boolean matches(TypeDescription type) {
                                return pattern.matchesTypeName(type.getName());
                            }
                        };
        }
    }

    /**
     * Methods of a matched type that the pattern selects. Abstract, native, synthetic and bridge
     * methods never match; constructors only through {@code #<init>}. A parameter list is compared
     * with the class file's parameters and, for a constructor the compiler gave more parameters than
     * its source has, with the source's ({@link SourceParameters}).
     */
    static ElementMatcher.Junction<MethodDescription> methods(MethodPattern pattern) {
        ElementMatcher.Junction<MethodDescription> selected;
        switch (pattern.methodSelection()) {
            case ALL:
                selected = isMethod();
                break;
            case ANNOTATED:
                selected = isMethod().and(isAnnotatedWith(named(pattern.methodText())));
                break;
            case CONSTRUCTOR:
                selected = isConstructor();
                break;
            default:
                selected = isMethod().and(new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
                    @Override
                    public boolean matches(MethodDescription method) {
                        return pattern.matchesMethodName(method.getName());
                    }
                });
        }
        if (pattern.parameterTypes().isPresent()) {
            List<String> expected = pattern.parameterTypes().get();
            selected = selected.and(new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
                @Override
                public boolean matches(MethodDescription method) {
                    return parametersMatch(method.getParameters().asTypeList().asErasures(), expected)
                            || SourceParameters.of(method).map(source -> parametersMatch(source, expected)).orElse(false);
                }
            });
        }
        return selected.and(new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
            @Override
            public boolean matches(MethodDescription method) {
                return !method.isAbstract() && !method.isNative() && !method.isSynthetic() && !method.isBridge();
            }
        });
    }

    /** A parameter matches by its full name ({@code java.lang.String[]}) or, without a dot, its simple name. */
    private static boolean parametersMatch(List<TypeDescription> parameters, List<String> expected) {
        if (parameters.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            TypeDescription type = parameters.get(i);
            String wanted = expected.get(i);
            boolean simple = wanted.indexOf('.') < 0;
            if (!wanted.equals(type.getActualName()) && !(simple && wanted.equals(simpleName(type)))) {
                return false;
            }
        }
        return true;
    }

    private static String simpleName(TypeDescription type) {
        String name = type.getActualName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
