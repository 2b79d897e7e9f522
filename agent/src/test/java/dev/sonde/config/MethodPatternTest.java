package dev.sonde.config;

import dev.sonde.config.MethodPattern.MethodSelection;
import dev.sonde.config.MethodPattern.TypeSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MethodPatternTest {

    private static final List<String> ANY_PARAMETERS = null;

    static Stream<Arguments> validPatterns() {
        return Stream.of(
                // pattern, type selection, type text, method selection, method text, parameter types (null = any)
                arguments("com.acme.OrderService#place",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "place", ANY_PARAMETERS),
                arguments("com.acme.OrderService#place(long,java.lang.String)",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "place",
                        List.of("long", "java.lang.String")),
                arguments("com.acme.OrderService#place( long , String )",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "place",
                        List.of("long", "String")),
                arguments("com.acme.OrderService#count()",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "count", List.of()),
                arguments("com.acme.OrderService#sum(int[],java.lang.String[][])",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "sum",
                        List.of("int[]", "java.lang.String[][]")),
                // varargs are compiled to arrays: written either way, they mean the array
                arguments("com.acme.OrderService#note(long,java.lang.String...)",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "note",
                        List.of("long", "java.lang.String[]")),
                arguments("com.acme.OrderService#note(String[]...)",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "note",
                        List.of("String[][]")),
                arguments("com.acme.OrderService",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.ALL, "*", ANY_PARAMETERS),
                arguments("com.acme.OrderService#*",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.ALL, "*", ANY_PARAMETERS),
                arguments("com.acme.OrderService#*(long)",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "*", List.of("long")),
                arguments("com.acme.*Service#*",
                        TypeSelection.NAME, "com.acme.*Service", MethodSelection.ALL, "*", ANY_PARAMETERS),
                arguments("com.acme.**#handle*",
                        TypeSelection.NAME, "com.acme.**", MethodSelection.NAME, "handle*", ANY_PARAMETERS),
                arguments("com.acme.Outer$Inner#run",
                        TypeSelection.NAME, "com.acme.Outer$Inner", MethodSelection.NAME, "run", ANY_PARAMETERS),
                arguments("@org.springframework.stereotype.Service#*",
                        TypeSelection.ANNOTATED, "org.springframework.stereotype.Service", MethodSelection.ALL, "*",
                        ANY_PARAMETERS),
                arguments("@org.springframework.stereotype.Service",
                        TypeSelection.ANNOTATED, "org.springframework.stereotype.Service", MethodSelection.ALL, "*",
                        ANY_PARAMETERS),
                arguments("+com.acme.Handler#handle",
                        TypeSelection.SUBTYPE_OF, "com.acme.Handler", MethodSelection.NAME, "handle", ANY_PARAMETERS),
                arguments("com.acme.Api#@io.micrometer.core.annotation.Timed",
                        TypeSelection.NAME, "com.acme.Api", MethodSelection.ANNOTATED,
                        "io.micrometer.core.annotation.Timed", ANY_PARAMETERS),
                arguments("com.acme.Order#<init>",
                        TypeSelection.NAME, "com.acme.Order", MethodSelection.CONSTRUCTOR, "<init>", ANY_PARAMETERS),
                arguments("com.acme.Order#<init>()",
                        TypeSelection.NAME, "com.acme.Order", MethodSelection.CONSTRUCTOR, "<init>", List.of()),
                arguments("com.acme.Order#<init>(long,String)",
                        TypeSelection.NAME, "com.acme.Order", MethodSelection.CONSTRUCTOR, "<init>",
                        List.of("long", "String")),
                arguments("+com.acme.Base#<init>",
                        TypeSelection.SUBTYPE_OF, "com.acme.Base", MethodSelection.CONSTRUCTOR, "<init>",
                        ANY_PARAMETERS),
                arguments("  com.acme.OrderService#place  ",
                        TypeSelection.NAME, "com.acme.OrderService", MethodSelection.NAME, "place", ANY_PARAMETERS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPatterns")
    void everyDocumentedFormParsesIntoItsClassPartAndMethodPart(String text, TypeSelection typeSelection,
                                                                String typeText, MethodSelection methodSelection,
                                                                String methodText, List<String> parameterTypes)
            throws ConfigException {
        MethodPattern pattern = MethodPattern.parse(text);

        assertThat(pattern.typeSelection()).isEqualTo(typeSelection);
        assertThat(pattern.typeText()).isEqualTo(typeText);
        assertThat(pattern.methodSelection()).isEqualTo(methodSelection);
        assertThat(pattern.methodText()).isEqualTo(methodText);
        assertThat(pattern.parameterTypes()).isEqualTo(java.util.Optional.ofNullable(parameterTypes));
        assertThat(pattern.toString()).isEqualTo(text.trim());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "com.acme.OrderService,            true",
        "com.acme.OrderService#place,      true",
        "com.acme.Outer$Inner#run,         true",
        "com.acme.*Service#*,              false",
        "com.acme.**,                      false",
        "@com.acme.Component#*,            false",
        "+com.acme.Handler#handle,         false",
    })
    void onlyPlainClassNamesWithoutWildcardsNameAnExactType(String text, boolean exact) throws ConfigException {
        assertThat(MethodPattern.parse(text).namesExactType()).isEqualTo(exact);
    }

    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                arguments("", "it is empty"),
                arguments("   ", "it is empty"),
                arguments("com.acme.A#b#c", "only one '#'"),
                arguments("com.acme.A##b", "only one '#'"),
                arguments("com.acme.A#", "the method part after '#' is empty"),
                arguments("#place", "the class part is empty"),
                arguments("@#*", "the class part is empty"),
                arguments("+#*", "the class part is empty"),
                arguments("com.acme.A#<clinit>", "static initialisers cannot be timed"),
                arguments("com.acme.A#<clinit>()", "static initialisers cannot be timed"),
                arguments("com.acme.Order-Service#place", "is not a class name"),
                arguments("com.acme..OrderService", "is not a class name"),
                arguments("com.acme.OrderService.#place", "is not a class name"),
                arguments(".com.acme.OrderService", "is not a class name"),
                arguments("com.acme Order#place", "is not a class name"),
                arguments("com/acme/OrderService#place", "is not a class name"),
                arguments("com.acme.OrderService#place-all", "is not a method name"),
                arguments("com.acme.OrderService#pl ace", "is not a method name"),
                arguments("com.acme.OrderService#<foo>", "is not a method name"),
                arguments("com.acme.OrderService#place)", "is not a method name"),
                arguments("com.acme.OrderService#a.b", "is not a method name"),
                arguments("+com.*.Handler#handle", "without wildcards"),
                arguments("+com.acme.Handler*", "without wildcards"),
                arguments("+com.acme.**#*", "without wildcards"),
                arguments("@com.acme.*#*", "without wildcards"),
                arguments("@com.acme.Comp-onent#*", "without wildcards"),
                arguments("com.acme.***#*", "not ***"),
                arguments("com.acme.***Service", "not ***"),
                arguments("com.acme.OrderService#place(long", "a parameter list is written (type,type,...) at the end"),
                arguments("com.acme.OrderService#place(long)(int)", "a parameter list is written"),
                arguments("com.acme.OrderService#place((long))", "a parameter list is written"),
                arguments("com.acme.OrderService#place(long)x", "a parameter list is written"),
                arguments("com.acme.OrderService#place(long))", "'long)' is not a parameter type"),
                arguments("com.acme.OrderService#place(long,,String)", "'' is not a parameter type"),
                arguments("com.acme.OrderService#place(long,)", "'' is not a parameter type"),
                arguments("com.acme.OrderService#place(java.util.List<String>)", "is not a parameter type"),
                arguments("com.acme.OrderService#place(1long)", "'1long' is not a parameter type"),
                arguments("com.acme.OrderService#place(long[)", "'long[' is not a parameter type"),
                arguments("com.acme.OrderService#place(long;String)", "is not a parameter type"),
                arguments("com.acme.OrderService#<init>(long,?)", "'?' is not a parameter type"),
                arguments("com.acme.OrderService#note(String...,long)",
                        "only the last parameter can be varargs ('String...')"),
                arguments("com.acme.OrderService#note(String..)", "'String..' is not a parameter type"),
                arguments("com.acme.OrderService#note(java..lang.String)", "'java..lang.String' is not a parameter type"),
                arguments("com.acme.OrderService#note(String.)", "'String.' is not a parameter type"),
                arguments("com.acme.OrderService#@", "must be a fully qualified annotation name"),
                arguments("com.acme.OrderService#@com.*.Timed", "must be a fully qualified annotation name"),
                arguments("com.acme.OrderService#@Timed()", "must be a fully qualified annotation name"));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("invalidPatterns")
    void invalidPatternsAreRejectedWithOneLineNamingThePatternAndTheProblem(String text, String problem) {
        assertThatThrownBy(() -> MethodPattern.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid pattern '" + text.trim() + "': ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        // a single * stays within one name segment
        "com.acme.*Service,          com.acme.OrderService,          true",
        "com.acme.*Service,          com.acme.Service,               true",
        "com.acme.*Service,          com.acme.sub.OrderService,      false",
        "com.acme.*Service,          com.acme.OrderServiceImpl,      false",
        "com.acme.*Service,          org.acme.OrderService,          false",
        "com.*.OrderService,         com.acme.OrderService,          true",
        "com.*.OrderService,         com.a.b.OrderService,           false",
        "com.acme.*.*Service,        com.acme.internal.AuditService, true",
        "com.acme.*.*Service,        com.acme.OrderService,          false",
        "*,                          OrderService,                   true",
        "*,                          com.acme.OrderService,          false",
        // ** spans packages
        "com.acme.**,                com.acme.OrderService,          true",
        "com.acme.**,                com.acme.sub.OrderService,      true",
        "com.acme.**,                com.acme.a.b.c.OrderService,    true",
        "com.acme.**,                com.acme,                       false",
        "com.acme.**,                com.acmex.OrderService,         false",
        "com.acme.**,                org.acme.OrderService,          false",
        "com.acme.**Service,         com.acme.a.b.PaymentService,    true",
        "com.acme.**Service,         com.acme.a.b.PaymentClient,     false",
        "**,                         com.acme.OrderService,          true",
        "**.OrderService,            com.acme.OrderService,          true",
        "**.OrderService,            OrderService,                   true",
        "**.OrderService,            com.acme.XOrderService,         false",
        // ** between dots also stands for no package at all
        "com.acme.**.OrderService,   com.acme.OrderService,          true",
        "com.acme.**.OrderService,   com.acme.sub.OrderService,      true",
        "com.acme.**.OrderService,   com.acme.a.b.OrderService,      true",
        "com.acme.**.OrderService,   com.acme.XOrderService,         false",
        "com.acme.**.OrderService,   com.acme.sub.XOrderService,     false",
        "com.acme.**.OrderService,   com.acmeOrderService,           false",
        // dots and dollars are literal, not regular-expression syntax
        "com.acme.OrderService,      com.acme.OrderService,          true",
        "com.acme.OrderService,      comXacmeXOrderService,          false",
        "com.acme.OrderService,      com.acme.OrderServiceImpl,      false",
        "com.acme.OrderService,      com.acme.orderservice,          false",
        "com.acme.OrderService,      x.com.acme.OrderService,        false",
        // nested classes are one segment, written with $
        "com.acme.Outer$Inner,       com.acme.Outer$Inner,           true",
        "com.acme.Outer$Inner,       com.acme.Outer,                 false",
        "com.acme.Outer,             com.acme.Outer$Inner,           false",
        "com.acme.Outer*,            com.acme.Outer$Inner,           true",
        "com.acme.Outer$*,           com.acme.Outer$Inner,           true",
        "com.acme.Outer$*,           com.acme.Outer,                 false",
        "com.acme.*$Inner,           com.acme.Outer$Inner,           true",
    })
    void classPartMatchesBinaryClassNames(String pattern, String className, boolean matches) throws ConfigException {
        assertThat(MethodPattern.parse(pattern + "#*").matchesTypeName(className)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "place,         place,          true",
        "place,         placeOrder,     false",
        "place,         replace,        false",
        "place,         Place,          false",
        "place*,        place,          true",
        "place*,        placeOrder,     true",
        "place*,        replace,        false",
        "*Order,        placeOrder,     true",
        "*Order,        placeOrders,    false",
        "get*Id,        getOrderId,     true",
        "get*Id,        getId,          true",
        "get*Id,        getOrder,       false",
        "handle*,       handle,         true",
        "*,             anything,       true",
        "lambda$*,      lambda$run$0,   true",
        "access$000,    access$000,     true",
        "access$000,    accessX000,     false",
    })
    void methodPartMatchesMethodNamesWithStarAsAnyCharacters(String methodGlob, String methodName, boolean matches)
            throws ConfigException {
        // the parameter list forces a NAME selection, even for a bare *
        MethodPattern pattern = MethodPattern.parse("com.acme.OrderService#" + methodGlob + "(long)");

        assertThat(pattern.methodSelection()).isEqualTo(MethodSelection.NAME);
        assertThat(pattern.matchesMethodName(methodName)).isEqualTo(matches);
    }

    @Test
    void aMethodNameWithoutParametersMatchesTheSameNamesAsWithParameters() throws ConfigException {
        MethodPattern pattern = MethodPattern.parse("com.acme.**#handle*");

        assertThat(pattern.matchesMethodName("handleRequest")).isTrue();
        assertThat(pattern.matchesMethodName("onHandle")).isFalse();
    }

    @Test
    void parsedParameterTypesCannotBeChangedAfterwards() throws ConfigException {
        MethodPattern pattern = MethodPattern.parse("com.acme.OrderService#place(long,String)");

        assertThatThrownBy(() -> pattern.parameterTypes().orElseThrow().add("int"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
