package dev.sonde.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;

import java.util.List;
import java.util.Optional;

/**
 * The parameter types a constructor has in the source, where the compiler puts others in front of
 * them. Users write {@code Order$Tracker#<init>(String)} for {@code new Tracker("x")}, not the
 * {@code (Order,String)} that the class file says. Two cases are certain from the class alone:
 * <ul>
 *   <li>an inner class (a member class that is not static) takes its enclosing instance first;</li>
 *   <li>an enum takes the constant's name and ordinal, {@code (String,int)}, first.</li>
 * </ul>
 * Local and anonymous classes get the variables they capture, which the class file does not mark
 * reliably (only with {@code javac -parameters}, and not from every compiler): their constructors
 * have no source signature here, and patterns name them by the compiler's parameters.
 */
final class SourceParameters {

    private SourceParameters() {
    }

    /** The source's parameter types, if the compiler added some that can be told apart; else empty. */
    static Optional<List<TypeDescription>> of(MethodDescription method) {
        if (!method.isConstructor()) {
            return Optional.empty();
        }
        TypeDescription type = method.getDeclaringType().asErasure();
        TypeList compiled = method.getParameters().asTypeList().asErasures();
        if (type.isAnonymousType() || type.isLocalType()) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return startsWithNameAndOrdinal(compiled) ? Optional.of(compiled.subList(2, compiled.size())) : Optional.empty();
        }
        if (type.isMemberType() && !type.isStatic()) {
            return startsWithEnclosingInstance(type, compiled)
                    ? Optional.of(compiled.subList(1, compiled.size())) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWithNameAndOrdinal(TypeList parameters) {
        return parameters.size() >= 2
                && parameters.get(0).represents(String.class)
                && parameters.get(1).represents(int.class);
    }

    private static boolean startsWithEnclosingInstance(TypeDescription type, TypeList parameters) {
        TypeDescription enclosing = type.getDeclaringType();
        return enclosing != null && !parameters.isEmpty() && parameters.get(0).equals(enclosing);
    }
}
