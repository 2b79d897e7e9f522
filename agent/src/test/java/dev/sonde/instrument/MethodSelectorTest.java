package dev.sonde.instrument;

import com.acme.testapp.FastHandler;
import com.acme.testapp.Handler;
import com.acme.testapp.OrderService;
import com.acme.testapp.PaymentService;
import com.acme.testapp.internal.AuditService;
import com.acme.testapp.loading.PluginConnection;
import com.acme.testapp.loading.PluginLoader;
import com.acme.testapp.loading.PluginRegistry;
import com.acme.testapp.patterns.Op;
import com.acme.testapp.patterns.Order;
import com.acme.testapp.patterns.Outer;
import com.acme.testapp.patterns.PrintTask;
import com.acme.testapp.patterns.Priority;
import com.acme.testapp.patterns.SubPaymentService;
import com.acme.testapp.patterns.Task;
import dev.sonde.config.ConfigException;
import dev.sonde.config.MethodPattern;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MethodSelectorTest {

    private static final String APP = "com.acme.testapp.";
    private static final String FIXTURES = "com.acme.testapp.patterns.";

    // ---------------------------------------------------------------- helpers

    private static List<MethodPattern> patterns(String semicolonSeparated) throws ConfigException {
        List<MethodPattern> patterns = new ArrayList<>();
        if (semicolonSeparated != null) {
            for (String text : semicolonSeparated.split(";")) {
                patterns.add(MethodPattern.parse(text));
            }
        }
        return patterns;
    }

    private static MethodSelector selector(String includes, String excludes) throws ConfigException {
        return new MethodSelector(patterns(includes), patterns(excludes));
    }

    /** Every method and constructor {@code type} declares, as Byte Buddy sees them when it transforms. */
    private static List<MethodDescription> declaredMembers(Class<?> type) {
        List<MethodDescription> members = new ArrayList<>();
        Arrays.stream(type.getDeclaredConstructors()).map(MethodDescription.ForLoadedConstructor::new).forEach(members::add);
        Arrays.stream(type.getDeclaredMethods()).map(MethodDescription.ForLoadedMethod::new).forEach(members::add);
        return members;
    }

    /** {@code place(long,String)}, {@code <init>()}: parameter types by simple name. */
    private static String signature(MethodDescription method) {
        String name = method.isConstructor() ? "<init>" : method.getName();
        return name + method.getParameters().asTypeList().asErasures().stream()
                .map(TypeDescription::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** What the selector times in {@code type}: nothing unless the type matches, else its selected members. */
    private static Set<String> selected(MethodSelector selector, Class<?> type) {
        TypeDescription description = TypeDescription.ForLoadedType.of(type);
        if (!selector.types().matches(description)) {
            return Set.of();
        }
        return declaredMembers(type).stream()
                .filter(selector.methodsOf(description)::matches)
                .map(MethodSelectorTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Set<String> ALL_ORDER_SERVICE_METHODS = Set.of(
            "place(long)", "place(long,String)", "checksum(int)", "count()", "factorial(int)", "sleep(long)",
            "fail(int)", "annotated()");

    // ---------------------------------------------------------------- which methods each pattern selects

    static Stream<Arguments> selections() {
        return Stream.of(
                // one method name, all overloads
                arguments(APP + "OrderService#place", null, OrderService.class,
                        Set.of("place(long)", "place(long,String)")),
                // overloads by parameter types: full names, simple names, spaces, none
                arguments(APP + "OrderService#place(long)", null, OrderService.class, Set.of("place(long)")),
                arguments(APP + "OrderService#place(long,java.lang.String)", null, OrderService.class,
                        Set.of("place(long,String)")),
                arguments(APP + "OrderService#place(long,String)", null, OrderService.class,
                        Set.of("place(long,String)")),
                arguments(APP + "OrderService#place( long , String )", null, OrderService.class,
                        Set.of("place(long,String)")),
                arguments(APP + "OrderService#place(int)", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#place(long,string)", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#place(long,lang.String)", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#place(long,java.lang.Object)", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#place(String,long)", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#place()", null, OrderService.class, Set.of()),
                arguments(APP + "OrderService#count()", null, OrderService.class, Set.of("count()")),
                arguments(APP + "OrderService#*(long)", null, OrderService.class,
                        Set.of("place(long)", "sleep(long)")),
                arguments(FIXTURES + "Order#add(int[])", null, Order.class, Set.of("add(int[])")),
                arguments(FIXTURES + "Order#add(int)", null, Order.class, Set.of()),
                arguments(FIXTURES + "Order#label(String[])", null, Order.class, Set.of("label(String[])")),
                arguments(FIXTURES + "Order#label(java.lang.String[])", null, Order.class, Set.of("label(String[])")),
                arguments(FIXTURES + "Order#label(String)", null, Order.class, Set.of()),
                // varargs are arrays in the class file: written as String... or String[]
                arguments(FIXTURES + "Order#note(String...)", null, Order.class, Set.of("note(String[])")),
                arguments(FIXTURES + "Order#note(java.lang.String...)", null, Order.class, Set.of("note(String[])")),
                arguments(FIXTURES + "Order#note(String[])", null, Order.class, Set.of("note(String[])")),
                arguments(FIXTURES + "Order#note(String)", null, Order.class, Set.of()),
                // name globs
                arguments(APP + "OrderService#*a*", null, OrderService.class,
                        Set.of("place(long)", "place(long,String)", "factorial(int)", "fail(int)", "annotated()")),
                arguments(APP + "OrderService#c*", null, OrderService.class, Set.of("checksum(int)", "count()")),
                // every method: static, synchronized, throwing, annotated; never a constructor
                arguments(APP + "OrderService", null, OrderService.class, ALL_ORDER_SERVICE_METHODS),
                arguments(APP + "OrderService#*", null, OrderService.class, ALL_ORDER_SERVICE_METHODS),
                arguments(FIXTURES + "Order#*", null, Order.class,
                        Set.of("total()", "add(int[])", "label(String[])", "note(String[])")),
                // constructors only when named
                arguments(FIXTURES + "Order#<init>", null, Order.class,
                        Set.of("<init>()", "<init>(long)", "<init>(long,String)")),
                arguments(FIXTURES + "Order#<init>(long)", null, Order.class, Set.of("<init>(long)")),
                arguments(FIXTURES + "Order#<init>()", null, Order.class, Set.of("<init>()")),
                arguments(FIXTURES + "Order#<init>(long,String)", null, Order.class, Set.of("<init>(long,String)")),
                arguments(FIXTURES + "Order#<init>;" + FIXTURES + "Order#total", null, Order.class,
                        Set.of("<init>()", "<init>(long)", "<init>(long,String)", "total()")),
                arguments(APP + "OrderService#<init>", null, OrderService.class, Set.of("<init>()")),
                // constructors the compiler gives more parameters: the source's and the class file's match
                arguments(FIXTURES + "Order$Tracker#<init>()", null, Order.Tracker.class, Set.of("<init>(Order)")),
                arguments(FIXTURES + "Order$Tracker#<init>(String)", null, Order.Tracker.class,
                        Set.of("<init>(Order,String)")),
                arguments(FIXTURES + "Order$Tracker#<init>(Order)", null, Order.Tracker.class, Set.of("<init>(Order)")),
                arguments(FIXTURES + "Order$Tracker#<init>(Order,String)", null, Order.Tracker.class,
                        Set.of("<init>(Order,String)")),
                arguments(FIXTURES + "Order$Tracker#<init>(long)", null, Order.Tracker.class, Set.of()),
                arguments(FIXTURES + "Op#<init>()", null, Op.class, Set.of("<init>(String,int)")),
                arguments(FIXTURES + "Op#<init>(String)", null, Op.class, Set.of("<init>(String,int,String)")),
                arguments(FIXTURES + "Op#<init>(String,int)", null, Op.class, Set.of("<init>(String,int)")),
                arguments(FIXTURES + "Op#<init>(String,int,String)", null, Op.class,
                        Set.of("<init>(String,int,String)")),
                arguments(FIXTURES + "Op#<init>(int)", null, Op.class, Set.of()),
                // ... but only where the class file tells: a static nested class takes what its source says,
                arguments(FIXTURES + "Order$Copy#<init>(Order)", null, Order.Copy.class, Set.of("<init>(Order)")),
                arguments(FIXTURES + "Order$Copy#<init>()", null, Order.Copy.class, Set.of()),
                // and an anonymous class (here an enum constant's body) has no source constructor
                arguments(FIXTURES + "Op$1#<init>(String,int,String)", null, Op.MINUS.getClass(),
                        Set.of("<init>(String,int,String)")),
                arguments(FIXTURES + "Op$1#<init>(String)", null, Op.MINUS.getClass(), Set.of()),
                // class wildcards
                arguments("com.acme.testapp.*Service#*", null, PaymentService.class, Set.of("charge(int)", "refund(int)")),
                arguments("com.acme.testapp.*Service#*", null, AuditService.class, Set.of()),
                arguments("com.acme.**Service#audit", null, AuditService.class, Set.of("audit(int)")),
                arguments("com.acme.testapp.**#audit", null, AuditService.class, Set.of("audit(int)")),
                arguments("com.acme.testapp.**.AuditService#*", null, AuditService.class, Set.of("audit(int)")),
                arguments("com.acme.testapp.*.AuditService#*", null, AuditService.class, Set.of("audit(int)")),
                arguments("com.acme.testapp.**.OrderService#count", null, OrderService.class, Set.of("count()")),
                arguments("com.acme.**#handle*", null, FastHandler.class, Set.of("handle(int)")),
                // nested classes by binary name
                arguments(FIXTURES + "Outer$Inner#*", null, Outer.Inner.class, Set.of("innerValue()")),
                arguments(FIXTURES + "Outer$Inner#*", null, Outer.class, Set.of()),
                arguments(FIXTURES + "Outer#*", null, Outer.Inner.class, Set.of()),
                arguments(FIXTURES + "Outer*#*", null, Outer.Inner.class, Set.of("innerValue()")),
                // subtypes
                arguments("+" + APP + "Handler#handle", null, FastHandler.class, Set.of("handle(int)")),
                arguments("+" + APP + "Handler#*", null, FastHandler.class, Set.of("handle(int)", "helper(int)")),
                arguments("+" + APP + "Handler#*", null, Handler.class, Set.of()),
                arguments("+" + APP + "Handler#*", null, OrderService.class, Set.of()),
                arguments("+" + FIXTURES + "Task#*", null, PrintTask.class, Set.of("run()", "print()")),
                arguments("+" + FIXTURES + "Task#*", null, Task.class, Set.of("describe()")),
                arguments("+" + FIXTURES + "Task#run", null, Task.class, Set.of()),
                arguments("+" + APP + "PaymentService#*", null, SubPaymentService.class, Set.of("discount(int)")),
                // annotated classes
                arguments("@" + APP + "Component#*", null, PaymentService.class, Set.of("charge(int)", "refund(int)")),
                arguments("@" + APP + "Component", null, PaymentService.class, Set.of("charge(int)", "refund(int)")),
                arguments("@" + APP + "Component#refund", null, PaymentService.class, Set.of("refund(int)")),
                arguments("@" + APP + "Component#*", null, OrderService.class, Set.of()),
                arguments("@" + APP + "Component#*", null, SubPaymentService.class, Set.of()),
                arguments("@" + APP + "Timed#*", null, OrderService.class, Set.of()),
                // annotated methods
                arguments(APP + "OrderService#@" + APP + "Timed", null, OrderService.class, Set.of("annotated()")),
                arguments("com.acme.**#@" + APP + "Timed", null, OrderService.class, Set.of("annotated()")),
                arguments("com.acme.**#@" + APP + "Timed", null, PaymentService.class, Set.of()),
                arguments(APP + "OrderService#@" + APP + "Component", null, OrderService.class, Set.of()),
                // never abstract, bridge, synthetic or native methods
                arguments(FIXTURES + "Priority#*", null, Priority.class, Set.of("compareTo(Priority)", "names(List)")),
                arguments(FIXTURES + "Priority#compareTo", null, Priority.class, Set.of("compareTo(Priority)")),
                arguments(FIXTURES + "Priority#compareTo(Object)", null, Priority.class, Set.of()),
                arguments(FIXTURES + "Priority#lambda$*", null, Priority.class, Set.of()),
                arguments(FIXTURES + "Priority#rank", null, Priority.class, Set.of()),
                arguments(FIXTURES + "Task#run", null, Task.class, Set.of()),
                arguments(FIXTURES + "Task", null, Task.class, Set.of("describe()")),
                arguments(APP + "Handler#handle", null, Handler.class, Set.of()),
                // a type no include names has nothing selected
                arguments(APP + "OrderService#*", null, PaymentService.class, Set.of()),
                // excludes win over includes
                arguments(APP + "OrderService#*", APP + "OrderService#place", OrderService.class,
                        Set.of("checksum(int)", "count()", "factorial(int)", "sleep(long)", "fail(int)", "annotated()")),
                arguments(APP + "OrderService#place", APP + "OrderService#place(long)", OrderService.class,
                        Set.of("place(long,String)")),
                arguments(APP + "OrderService#place", APP + "OrderService#place(long,String)", OrderService.class,
                        Set.of("place(long)")),
                arguments(APP + "OrderService#place", APP + "OrderService#*(long)", OrderService.class,
                        Set.of("place(long,String)")),
                arguments(APP + "OrderService#*", "com.acme.**#@" + APP + "Timed", OrderService.class,
                        Set.of("place(long)", "place(long,String)", "checksum(int)", "count()", "factorial(int)",
                                "sleep(long)", "fail(int)")),
                arguments(APP + "OrderService#*", APP + "OrderService#c*;" + APP + "OrderService#f*",
                        OrderService.class, Set.of("place(long)", "place(long,String)", "sleep(long)", "annotated()")),
                arguments(APP + "OrderService#place", APP + "OrderService", OrderService.class, Set.of()),
                arguments(APP + "OrderService#place", APP + "OrderService#*", OrderService.class, Set.of()),
                arguments(APP + "OrderService#place", "com.acme.**", OrderService.class, Set.of()),
                arguments("com.acme.testapp.**#*", "com.acme.testapp.internal.*", AuditService.class, Set.of()),
                arguments("com.acme.testapp.**#*", "com.acme.testapp.internal.*", PaymentService.class,
                        Set.of("charge(int)", "refund(int)")),
                arguments("com.acme.testapp.*Handler#*", "+" + APP + "Handler", FastHandler.class, Set.of()),
                arguments("+" + APP + "Handler#*", "+" + APP + "Handler#helper", FastHandler.class,
                        Set.of("handle(int)")),
                arguments("@" + APP + "Component#*", "@" + APP + "Component#charge", PaymentService.class,
                        Set.of("refund(int)")),
                arguments(FIXTURES + "Order#<init>;" + FIXTURES + "Order#*", FIXTURES + "Order#<init>(long)",
                        Order.class, Set.of("<init>()", "<init>(long,String)", "total()", "add(int[])",
                                "label(String[])", "note(String[])")),
                arguments(FIXTURES + "Order#<init>", FIXTURES + "Order#*(long)", Order.class,
                        Set.of("<init>()", "<init>(long)", "<init>(long,String)")),
                // an exclude for another type changes nothing here
                arguments(APP + "OrderService#place", APP + "PaymentService", OrderService.class,
                        Set.of("place(long)", "place(long,String)")),
                // several includes add up
                arguments(APP + "OrderService#count;" + APP + "OrderService#@" + APP + "Timed", null,
                        OrderService.class, Set.of("count()", "annotated()")),
                arguments(APP + "PaymentService#charge;@" + APP + "Component#refund", null, PaymentService.class,
                        Set.of("charge(int)", "refund(int)")));
    }

    @ParameterizedTest(name = "include={0} exclude={1} in {2}")
    @MethodSource("selections")
    void eachPatternSelectsExactlyTheseMethods(String includes, String excludes, Class<?> type, Set<String> expected)
            throws ConfigException {
        assertThat(selected(selector(includes, excludes), type)).isEqualTo(new TreeSet<>(expected));
    }

    // ---------------------------------------------------------------- which types are transformed

    @ParameterizedTest(name = "include={0} exclude={1}: {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "com.acme.testapp.OrderService#place    |                                  | OrderService     | true",
        "com.acme.testapp.OrderService#place    |                                  | PaymentService   | false",
        "com.acme.testapp.OrderService#place    | com.acme.testapp.OrderService#count | OrderService  | true",
        "com.acme.testapp.OrderService#place    | com.acme.testapp.OrderService    | OrderService     | false",
        "com.acme.testapp.OrderService#place    | com.acme.testapp.OrderService#*  | OrderService     | false",
        "com.acme.testapp.*Service#*            |                                  | OrderService     | true",
        "com.acme.testapp.*Service#*            |                                  | AuditService     | false",
        "com.acme.testapp.**#*                  |                                  | AuditService     | true",
        "com.acme.testapp.**#*                  | com.acme.testapp.internal.**     | AuditService     | false",
        "com.acme.testapp.**#*                  | com.acme.testapp.internal.**     | OrderService     | true",
        "+com.acme.testapp.Handler#handle       |                                  | FastHandler      | true",
        "+com.acme.testapp.Handler#handle       |                                  | OrderService     | false",
        "+com.acme.testapp.Handler#handle       | +com.acme.testapp.Handler#handle | FastHandler      | true",
        "@com.acme.testapp.Component#*          |                                  | PaymentService   | true",
        "@com.acme.testapp.Component#*          |                                  | SubPaymentService | false",
        "@com.acme.testapp.Component#*          | @com.acme.testapp.Component      | PaymentService   | false",
        "com.acme.**#@com.acme.testapp.Timed    |                                  | PaymentService   | true",
        "com.acme.**#@com.acme.testapp.Timed    | com.acme.**#@com.acme.testapp.Timed | OrderService  | true",
        "com.acme.testapp.patterns.Outer$Inner  |                                  | Outer$Inner      | true",
        "com.acme.testapp.patterns.Outer$Inner  |                                  | Outer            | false",
    })
    void typesAreTransformedWhenAnIncludeSelectsThemAndNoWholeClassExcludeRemovesThem(
            String includes, String excludes, String simpleName, boolean transformed) throws Exception {
        Class<?> type = fixture(simpleName);

        assertThat(selector(includes, excludes).types().matches(TypeDescription.ForLoadedType.of(type)))
                .isEqualTo(transformed);
    }

    private static Class<?> fixture(String simpleName) throws ClassNotFoundException {
        for (String prefix : List.of(APP, APP + "internal.", FIXTURES)) {
            try {
                return Class.forName(prefix + simpleName);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        throw new ClassNotFoundException(simpleName);
    }

    // ---------------------------------------------------------------- single cases

    @Test
    void withoutIncludesTheSelectorIsEmptyAndSelectsNoType() throws ConfigException {
        MethodSelector selector = selector(null, "com.acme.**");

        assertThat(selector.isEmpty()).isTrue();
        assertThat(selector.types().matches(TypeDescription.ForLoadedType.of(OrderService.class))).isFalse();
        assertThat(selector(APP + "OrderService", null).isEmpty()).isFalse();
    }

    @Test
    void theTypeInitializerIsNeverSelected() throws ConfigException {
        TypeDescription order = TypeDescription.ForLoadedType.of(Order.class);
        MethodDescription typeInitializer = new MethodDescription.Latent.TypeInitializer(order);

        for (String include : List.of("Order", "Order#*", "Order#**", "Order#<init>", "Order#*()")) {
            assertThat(selector(FIXTURES + include, null).methodsOf(order).matches(typeInitializer))
                    .as(include).isFalse();
        }
    }

    @Test
    void theFixtureReallyHasTheBridgeSyntheticAndNativeMethodsTheTableExcludes() {
        List<Method> methods = Arrays.asList(Priority.class.getDeclaredMethods());

        assertThat(methods).anyMatch(m -> m.isBridge() && m.getName().equals("compareTo"));
        assertThat(methods).anyMatch(m -> m.isSynthetic() && m.getName().startsWith("lambda$"));
        assertThat(methods).anyMatch(m -> Modifier.isNative(m.getModifiers()) && m.getName().equals("rank"));
    }

    @Test
    void selectingByOverloadLooksAtTheLoadedMethodsParameterTypes() throws Exception {
        TypeDescription type = TypeDescription.ForLoadedType.of(OrderService.class);
        MethodDescription placeLong = new MethodDescription.ForLoadedMethod(
                OrderService.class.getMethod("place", long.class));
        MethodDescription placeLongString = new MethodDescription.ForLoadedMethod(
                OrderService.class.getMethod("place", long.class, String.class));
        MethodDescription constructor = new MethodDescription.ForLoadedConstructor(
                OrderService.class.getConstructor());

        MethodSelector selector = selector(APP + "OrderService#place(long,String)", null);

        assertThat(selector.methodsOf(type).matches(placeLongString)).isTrue();
        assertThat(selector.methodsOf(type).matches(placeLong)).isFalse();
        assertThat(selector.methodsOf(type).matches(constructor)).isFalse();
    }

    @Test
    void includesThatHaveSelectedNoMethodAreReportedUntilTheyDo() throws ConfigException {
        MethodSelector selector = selector(APP + "OrderService#place;" + APP + "OrderService#nosuch;com.acme.Typo#run", null);
        assertThat(untimed(selector)).containsExactly(
                "include pattern " + APP + "OrderService#place matched no method of any class loaded while sonde ran",
                "include pattern " + APP + "OrderService#nosuch matched no method of any class loaded while sonde ran",
                "include pattern com.acme.Typo#run matched no method of any class loaded while sonde ran");

        selected(selector, OrderService.class);

        assertThat(untimed(selector)).containsExactly(
                "include pattern " + APP + "OrderService#nosuch matched no method of any class loaded while sonde ran",
                "include pattern com.acme.Typo#run matched no method of any class loaded while sonde ran");
        assertThat(selector.untimedIncludes()).allSatisfy(include ->
                assertThat(include.hint()).startsWith("check the package, class and method names"));
    }

    @Test
    void anIncludeWhoseMethodsAnExcludeAllRemovesIsReportedAsExcludedNotAsATypo() throws ConfigException {
        MethodSelector selector = selector(FIXTURES + "Order#total;" + FIXTURES + "Order#add",
                FIXTURES + "Order#t*;" + FIXTURES + "Order#*(int[])");

        assertThat(selected(selector, Order.class)).isEmpty();

        assertThat(untimed(selector)).containsExactly(
                "include pattern " + FIXTURES + "Order#total timed nothing: every method it matched is removed by"
                        + " exclude " + FIXTURES + "Order#t*",
                "include pattern " + FIXTURES + "Order#add timed nothing: every method it matched is removed by"
                        + " exclude " + FIXTURES + "Order#*(int[])");
        assertThat(selector.untimedIncludes()).allSatisfy(include ->
                assertThat(include.hint()).isEqualTo("narrow the exclude to time them"));
    }

    @Test
    void anIncludeWhoseClassAnExcludeRemovesWholeIsReportedAsExcludedNotAsATypo() throws ConfigException {
        MethodSelector selector = selector(APP + "OrderService#place;" + APP + "OrderService#nosuch",
                "com.acme.testapp.*Service");

        assertThat(selected(selector, OrderService.class)).isEmpty();

        assertThat(untimed(selector)).containsExactly(
                "include pattern " + APP + "OrderService#place timed nothing: every method it matched is removed by"
                        + " exclude com.acme.testapp.*Service",
                "include pattern " + APP + "OrderService#nosuch matched no method of any class loaded while sonde ran");
    }

    @Test
    void anIncludeWithOneMethodLeftAfterTheExcludesIsNotReported() throws ConfigException {
        MethodSelector selector = selector(APP + "OrderService#place", APP + "OrderService#place(long)");

        assertThat(selected(selector, OrderService.class)).containsExactly("place(long,String)");

        assertThat(selector.untimedIncludes()).isEmpty();
    }

    private static List<String> untimed(MethodSelector selector) {
        return selector.untimedIncludes().stream().map(UntimedInclude::warning).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- class-loading machinery

    @Test
    void aWildcardPatternDoesNotTimeClassLoadersOrUrlConnections() throws ConfigException {
        MethodSelector selector = selector("com.acme.testapp.loading.**", null);

        assertThat(selected(selector, PluginLoader.class)).isEmpty();
        assertThat(selected(selector, PluginConnection.class)).isEmpty();
        assertThat(selected(selector, PluginRegistry.class)).containsExactly("count()");
    }

    @Test
    void aClassLoaderNamedExactlyIsTimed() throws ConfigException {
        MethodSelector byName = selector("com.acme.testapp.loading.PluginLoader#describe", null);
        MethodSelector asSubtype = selector("+java.net.URLConnection#connect", null);

        assertThat(selected(byName, PluginLoader.class)).containsExactly("describe()");
        assertThat(selected(asSubtype, PluginConnection.class)).containsExactly("connect()");
    }
}
