package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * What inlined advice does with its own failure ({@code suppress = Throwable.class}): instead of
 * Byte Buddy's default, which drops it without a trace, it is handed to
 * {@link Recorder#adviceFailed} with the place it happened, so the calls it cost are counted and
 * said. This code sits in the advice's exception handler: a call whose advice works runs exactly
 * what it ran before.
 */
final class AdviceFailureHandler implements Advice.ExceptionHandler {

    /** For the timing advice: the place is the operation's name. */
    static final AdviceFailureHandler OPERATIONS = new AdviceFailureHandler("");
    /** For the HTTP advice, which has no operation while it runs: the method it is inlined into. */
    static final AdviceFailureHandler HTTP = new AdviceFailureHandler(" (HTTP request timing)");

    /** For the JDBC advice: the statement or data source method it is inlined into. */
    static final AdviceFailureHandler JDBC = new AdviceFailureHandler(" (JDBC timing)");

    /** For the outbound HTTP advice: the client method it is inlined into. */
    static final AdviceFailureHandler HTTP_CLIENT = new AdviceFailureHandler(" (HTTP client timing)");

    private static final MethodDescription ADVICE_FAILED = adviceFailed();

    private final String kind;

    private AdviceFailureHandler(String kind) {
        this.kind = kind;
    }

    /** With the throwable on the stack: push the place, call {@code Recorder.adviceFailed(Throwable, String)}. */
    @Override
    public StackManipulation resolve(MethodDescription instrumentedMethod, TypeDescription instrumentedType) {
        String where = OperationIdBinding.operationName(instrumentedType, instrumentedMethod) + kind;
        return new StackManipulation.Compound(new TextConstant(where), MethodInvocation.invoke(ADVICE_FAILED));
    }

    private static MethodDescription adviceFailed() {
        try {
            return new MethodDescription.ForLoadedMethod(
                    Recorder.class.getMethod("adviceFailed", Throwable.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the bootstrap Recorder lacks adviceFailed: a mismatched agent jar", e);
        }
    }
}
