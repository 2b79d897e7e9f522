package dev.sonde.instrument;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * SQL statements as operations ({@code jdbc=on}, the default), for any JDBC driver and pool: every
 * concrete {@code java.sql.Statement} is timed in its {@code execute*} methods, every
 * {@code java.sql.Connection} tells which text a prepared statement has, and every
 * {@code javax.sql.DataSource} is timed in {@code getConnection}. The JDK's {@code java.sql} has
 * interfaces only, so the classes transformed are the drivers' and pools', in application loaders.
 */
final class JdbcInstrumentation {

    private static final String STATEMENT = "java.sql.Statement";
    private static final String CONNECTION = "java.sql.Connection";
    private static final String DATA_SOURCE = "javax.sql.DataSource";
    private static final String[] EXECUTIONS = {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
        "executeBatch", "executeLargeBatch"};
    private static final String ADD_BATCH = "addBatch";
    private static final String[] STATEMENT_METHODS = Stream.concat(Arrays.stream(EXECUTIONS), Stream.of(ADD_BATCH))
            .toArray(String[]::new);
    private static final String[] PREPARE = {"prepareStatement", "prepareCall"};
    private static final String GET_CONNECTION = "getConnection";

    /** Every method advised on statements, connections and data sources. */
    private static final String[] ADVISED_METHODS = Stream.of(STATEMENT_METHODS, PREPARE, new String[] {GET_CONNECTION})
            .flatMap(Arrays::stream).toArray(String[]::new);

    /** The packages of the JDBC interfaces, as class files spell them. */
    private static final String[] JDBC_PACKAGES = {"java/sql/", "javax/sql/"};

    private JdbcInstrumentation() {
    }

    /**
     * Whether a class being loaded may get JDBC advice, from its own class file: it declares one of
     * the advised methods and mentions a {@code java.sql} or {@code javax.sql} type. The second
     * half turns away the many classes that merely have an {@code execute} method (executors,
     * tasks, templates) before their supertypes are walked. An implementation names the interface
     * it implements; one that inherits it and overrides an advised method names
     * {@code java.sql.SQLException} as soon as it declares, catches or calls anything that throws
     * it, and {@code prepareStatement} and {@code getConnection} return {@code java.sql} types.
     * Only an override that does no JDBC at all is passed over.
     */
    static boolean mayTransform(ClassFileOutline outline) {
        return outline.mayTakeAdviceOn(ADVISED_METHODS) && outline.mentionsTypesIn(JDBC_PACKAGES);
    }

    static AgentBuilder addTo(AgentBuilder builder, UnaryOperator<AgentBuilder.RawMatcher> retransformable,
                              OperationRegistry registry) {
        ElementMatcher.Junction<MethodDescription> executions = namedOneOf(EXECUTIONS)
                .and(not(isAbstract())).and(not(isStatic()));
        LazyAdvice withText = advice(JdbcTextAdvice.class, null);
        LazyAdvice prepared = advice(JdbcPreparedAdvice.class, null);
        LazyAdvice addBatch = advice(JdbcAddBatchAdvice.class, null);
        LazyAdvice prepare = advice(JdbcPrepareAdvice.class, null);
        LazyAdvice connection = advice(JdbcConnectionAdvice.class,
                new OperationIdBinding(registry, OperationKind.SQL));
        return builder
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(STATEMENT, STATEMENT_METHODS)))
                .transform((type, description, loader, module, domain) -> type
                        .visit(withText.get().on(executions.and(takesArgument(0, String.class))))
                        .visit(prepared.get().on(executions.and(takesArguments(0))))
                        .visit(addBatch.get().on(named(ADD_BATCH).and(takesArguments(String.class))
                                .and(not(isAbstract())).and(not(isStatic())))))
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(CONNECTION, PREPARE)))
                .transform((type, description, loader, module, domain) -> type
                        .visit(prepare.get().on(namedOneOf(PREPARE)
                                .and(takesArgument(0, String.class)).and(not(returns(void.class)))
                                .and(not(isAbstract())).and(not(isStatic())))))
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(DATA_SOURCE, GET_CONNECTION)))
                .transform((type, description, loader, module, domain) -> type
                        .visit(connection.get().on(named(GET_CONNECTION)
                                .and(not(isAbstract())).and(not(isStatic())))));
    }

    /**
     * Read as a class file ({@link ClassFileAdvice}), and only when the first driver class is
     * transformed: most applications without a database never pay for parsing it.
     */
    private static LazyAdvice advice(Class<?> advice, OperationIdBinding binding) {
        return ClassFileAdvice.of(advice, binding, AdviceFailureHandler.JDBC);
    }
}
