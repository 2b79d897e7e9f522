package dev.sonde.instrument;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link OperationId} to a constant: the id of {@code fully.qualified.Class#method}, registered
 * while the class is transformed, so the hot path never looks a name up.
 */
final class OperationIdBinding implements Advice.OffsetMapping {

    private final OperationRegistry registry;
    private final OperationKind kind;

    OperationIdBinding(OperationRegistry registry) {
        this(registry, OperationKind.METHOD);
    }

    /** For operations of another kind named like methods ({@code DataSource#getConnection}: sql). */
    OperationIdBinding(OperationRegistry registry, OperationKind kind) {
        this.registry = registry;
        this.kind = kind;
    }

    static String operationName(TypeDescription type, MethodDescription method) {
        return type.getName() + "#" + method.getInternalName();
    }

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                          Advice.ArgumentHandler argumentHandler, Sort sort) {
        int id = registry.register(operationName(instrumentedType, instrumentedMethod), kind);
        return new Target.ForStackManipulation(IntegerConstant.forValue(id));
    }
}
