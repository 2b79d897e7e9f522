package dev.sonde.instrument;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.config.MethodPattern;
import dev.sonde.record.OperationRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Installs the Byte Buddy transformation that inlines timing advice into the configured methods,
 * in classes loaded later and (by retransformation) in classes already loaded. With
 * {@code alloc=off,self=off} the cheaper {@link MethodTimingAdvice} is used; otherwise
 * {@link ProfilingAdvice}, which keeps a frame per call.
 */
public final class Instrumenter {

    private final Config config;
    private final OperationRegistry registry;
    /** Null where retransformation keeps every attribute (JDK 19+). */
    private final MethodParametersRestorer restorer;
    private volatile MethodSelector selector;

    public Instrumenter(Config config, OperationRegistry registry, MethodParametersRestorer restorer) {
        this.config = config;
        this.registry = registry;
        this.restorer = restorer;
    }

    /**
     * Byte Buddy's Nexus (for self-initialising types, which sonde does not use) probes
     * {@code sun.misc.Unsafe} when first touched; JDK 24+ then prints deprecation warnings into the
     * application's stderr. Disabling it (under the relocated property name) avoids both.
     */
    private static final String NEXUS_DISABLED = "dev.sonde.shaded.bytebuddy.nexus.disabled";

    /**
     * How every class is woven. Advice goes into the methods a class declares, so the transformation
     * needs no graph of every method it inherits: Byte Buddy's default builds one from the whole type
     * hierarchy for each class it transforms (parsing the class files of all its supertypes), which
     * was most of the cost of transforming a JDBC driver's or Hibernate's classes at start.
     *
     * <p>Without Byte Buddy's type validation, the methods a transformation leaves alone are copied
     * from the class file as they are: the validation wraps every method, so ASM read and rewrote
     * each instruction of a driver's connection class to time a few of its methods. What it checked
     * is the code sonde adds, and that code is fixed: {@code AdviceCodeTest} keeps it valid in class
     * files of every version, and {@code OldClassFilesTest} weaves it into them.
     */
    static final ByteBuddy DECLARED_METHODS_ONLY = new ByteBuddy()
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
            .with(TypeValidation.DISABLED);

    public ResettableClassFileTransformer install(Instrumentation instrumentation) {
        System.setProperty(NEXUS_DISABLED, "true");
        MethodSelector selector = new MethodSelector(config.includes(), config.excludes());
        this.selector = selector;
        warnAboutExcludedPackages();
        OperationIdBinding binding = new OperationIdBinding(registry);
        boolean frames = config.allocation() || config.selfTime();
        LazyAdvice methodAdvice = new LazyAdvice(() ->
                timingAdvice(frames ? ProfilingAdvice.class : MethodTimingAdvice.class, binding));
        // Null with async=off: every method keeps the plain advice.
        LazyAdvice asyncMethodAdvice = config.async() ? new LazyAdvice(() ->
                timingAdvice(frames ? AsyncProfilingAdvice.class : AsyncMethodTimingAdvice.class, binding)) : null;
        LazyAdvice constructorAdvice = new LazyAdvice(() ->
                timingAdvice(frames ? ConstructorProfilingAdvice.class : ConstructorTimingAdvice.class, binding));

        IgnoredClasses ignored = new IgnoredClasses(config.httpClient());
        AgentBuilder withMethods = new AgentBuilder.Default(DECLARED_METHODS_ONLY)
                .disableClassFormatChanges()
                // Every transformation only visits method bodies (advice): decorating a class reads
                // and writes it once, where redefining it also builds Byte Buddy's model of its members.
                .with(MethodBodyDecoration.INSTANCE)
                .with(new RecentTypes())
                .with(new AnnotationsFromClassFiles(selector::mayMatchByAnnotation))
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener())
                .with((AgentBuilder.TransformerDecorator) transformer ->
                        ClassBeingLoaded.aroundTransform(transformer, new TransformCandidates(config)))
                .ignore(ignored.asMatcher())
                // The JDK's clients are let through for their own advice only, never for patterns.
                .type(retransformable(new AgentBuilder.RawMatcher.ForElementMatchers(
                        selector.types().and(not(HttpClientInstrumentation.jdkClasses())))))
                .transform((builder, type, loader, module, domain) -> {
                    Log.debug("instrumenting " + type.getName());
                    return timeMethods(builder, selector, type, methodAdvice, asyncMethodAdvice, constructorAdvice);
                });
        // Every matching rule applies: a servlet that is also included gets both advices.
        AgentBuilder withHttp = config.http() ? HttpInstrumentation.addTo(withMethods, this::retransformable) : withMethods;
        AgentBuilder withJdbc = config.jdbc()
                ? JdbcInstrumentation.addTo(withHttp, this::retransformable, registry) : withHttp;
        AgentBuilder complete = config.httpClient()
                ? HttpClientInstrumentation.addTo(withJdbc, this::retransformable) : withJdbc;
        return complete.installOn(instrumentation);
    }

    /**
     * {@code selected}, except loaded classes that retransformation would change in a way the
     * application can see (see {@link MethodParametersRestorer}). Checked after the selection, so
     * only the few selected classes pay for it.
     */
    private AgentBuilder.RawMatcher retransformable(AgentBuilder.RawMatcher selected) {
        if (restorer == null) {
            return selected;
        }
        return (type, loader, module, classBeingRedefined, domain) ->
                selected.matches(type, loader, module, classBeingRedefined, domain)
                        && (classBeingRedefined == null || restorer.canRetransform(classBeingRedefined));
    }

    /** One of the timing advice classes, with its operation id bound and its failures counted, not dropped. */
    static Advice timingAdvice(Class<?> advice, OperationIdBinding binding) {
        return Advice.withCustomMapping().bind(OperationId.class, binding).to(advice)
                .withExceptionHandler(AdviceFailureHandler.OPERATIONS);
    }

    /**
     * Each timed method gets one advice: the asynchronous one only where the declared return type
     * may hold an asynchronous result ({@link AsyncResults}), the plain one everywhere else.
     */
    private static DynamicType.Builder<?> timeMethods(DynamicType.Builder<?> builder, MethodSelector selector,
                                                      TypeDescription type, LazyAdvice methodAdvice,
                                                      LazyAdvice asyncMethodAdvice, LazyAdvice constructorAdvice) {
        ElementMatcher.Junction<MethodDescription> timed = selector.methodsOf(type);
        ElementMatcher.Junction<MethodDescription> methods = timed.and(isMethod());
        DynamicType.Builder<?> withConstructors = builder.visit(constructorAdvice.get().on(timed.and(isConstructor())));
        if (asyncMethodAdvice == null) {
            return withConstructors.visit(methodAdvice.get().on(methods));
        }
        ElementMatcher.Junction<MethodDescription> async = methods.and(AsyncResults.mayReturnOne(RETURN_TYPES));
        return withConstructors
                .visit(asyncMethodAdvice.get().on(async))
                .visit(methodAdvice.get().on(methods.and(not(async))));
    }

    /** Supertypes of declared return types; the last answer is kept, as methods of a class often share one. */
    private static final SupertypeNames RETURN_TYPES = new SupertypeNames();

    private void warnAboutExcludedPackages() {
        for (MethodPattern include : config.includes()) {
            if (Exclusions.coversOnlyExcludedPackages(include.typeText())) {
                Log.error("include pattern " + include + " names JDK or sonde classes, which are never instrumented;"
                        + " it times nothing");
            }
        }
    }

    /** The include patterns that have timed no method of any class transformed so far. */
    public List<UntimedInclude> untimedIncludes() {
        MethodSelector installed = selector;
        return installed == null ? List.of() : installed.untimedIncludes();
    }

    /**
     * One line per class name that could not be instrumented; the class itself loads unchanged. A
     * class defined by many class loaders (one per plugin, per test, per request) fails the same way
     * in each: it is said once, not once per loader.
     */
    private final class FailureListener extends AgentBuilder.Listener.Adapter {
        /** Past this many names, every failure is said again rather than remembered without bound. */
        private static final int REMEMBERED_NAMES = 10_000;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            boolean first = reported.size() >= REMEMBERED_NAMES || reported.add(typeName);
            if (first) {
                Log.error("could not instrument " + typeName + ", it runs untimed", throwable);
            }
        }
    }
}
