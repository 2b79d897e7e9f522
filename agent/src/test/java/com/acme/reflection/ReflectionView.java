package com.acme.reflection;

import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Everything {@code java.lang.reflect} shows of a class, as lines of text in a fixed order: the
 * class, its type parameters, annotations, nesting, record components and enum constants, then
 * every declared field, constructor and method with its parameters (names, whether the names are
 * present, modifiers), annotations of every kind (declaration, parameter, type use), generic
 * signature and exceptions, and the serialization id. Two views of the same class are equal
 * exactly when reflection cannot tell the classes apart. Members are sorted, because
 * {@code getDeclaredMethods} promises no order. Anything that throws is written as a line too, so a
 * view never fails.
 */
public final class ReflectionView {

    private final List<String> lines = new ArrayList<>();

    private ReflectionView() {
    }

    /** The view of each class, in the order given. */
    public static List<String> of(List<Class<?>> classes) {
        ReflectionView view = new ReflectionView();
        for (Class<?> type : classes) {
            view.type(type);
        }
        return view.lines;
    }

    private void type(Class<?> type) {
        line(0, "class", () -> type.toGenericString());
        line(1, "modifiers", () -> modifiers(type.getModifiers()));
        line(1, "kind", () -> "interface=" + type.isInterface() + " annotation=" + type.isAnnotation()
                + " enum=" + type.isEnum() + " record=" + type.isRecord() + " sealed=" + type.isSealed()
                + " anonymous=" + type.isAnonymousClass() + " local=" + type.isLocalClass()
                + " member=" + type.isMemberClass() + " synthetic=" + type.isSynthetic());
        line(1, "names", () -> type.getSimpleName() + " | " + type.getCanonicalName() + " | " + type.getTypeName());
        line(1, "superclass", () -> String.valueOf(type.getGenericSuperclass()));
        line(1, "annotated superclass", () -> annotatedType(type.getAnnotatedSuperclass()));
        line(1, "interfaces", () -> Arrays.toString(type.getGenericInterfaces()));
        line(1, "annotated interfaces", () -> annotatedTypes(type.getAnnotatedInterfaces()));
        typeParameters(1, type.getTypeParameters());
        annotations(1, type);
        line(1, "enclosing", () -> type.getEnclosingClass() + " | " + type.getDeclaringClass()
                + " | " + type.getEnclosingMethod() + " | " + type.getEnclosingConstructor());
        line(1, "nest", () -> type.getNestHost().getName() + " " + names(type.getNestMembers()));
        line(1, "permitted", () -> type.getPermittedSubclasses() == null ? "none" : names(type.getPermittedSubclasses()));
        line(1, "declared classes", () -> names(type.getDeclaredClasses()));
        line(1, "enum constants", () -> type.isEnum() ? Arrays.toString(type.getEnumConstants()) : "none");
        // Where the class declares none, the JVM computes it from the class's members and whether it
        // has a static initialiser. If sonde changed it, objects serialized in a JVM with sonde could
        // not be read in one without it.
        line(1, "serialVersionUID", () -> Serializable.class.isAssignableFrom(type)
                ? String.valueOf(ObjectStreamClass.lookup(type).getSerialVersionUID()) : "not serializable");
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                recordComponent(component);
            }
        }
        for (Field field : sorted(type.getDeclaredFields(), Field::toGenericString)) {
            field(field);
        }
        for (Constructor<?> constructor : sorted(type.getDeclaredConstructors(), Constructor::toGenericString)) {
            executable("constructor", constructor);
        }
        // toString as well: a bridge method has the generic string of the method it bridges to.
        for (Method method : sorted(type.getDeclaredMethods(), m -> m.toGenericString() + " " + m)) {
            executable("method", method);
            line(2, "bridge/default", () -> method.isBridge() + " " + method.isDefault());
            // Wrapped, so that an array default is written by its elements, not its identity.
            line(2, "default value", () -> Arrays.deepToString(new Object[] {method.getDefaultValue()}));
        }
    }

    private void recordComponent(RecordComponent component) {
        line(1, "component", () -> component.getGenericType().getTypeName() + " " + component.getName()
                + " signature=" + component.getGenericSignature());
        line(2, "accessor", () -> component.getAccessor().toGenericString());
        line(2, "annotated type", () -> annotatedType(component.getAnnotatedType()));
        annotations(2, component);
    }

    private void field(Field field) {
        line(1, "field", field::toGenericString);
        line(2, "flags", () -> "synthetic=" + field.isSynthetic() + " enumConstant=" + field.isEnumConstant());
        line(2, "annotated type", () -> annotatedType(field.getAnnotatedType()));
        annotations(2, field);
    }

    private void executable(String kind, Executable executable) {
        line(1, kind, executable::toGenericString);
        line(2, "modifiers", () -> modifiers(executable.getModifiers()) + " synthetic=" + executable.isSynthetic()
                + " varargs=" + executable.isVarArgs());
        line(2, "generic parameter types", () -> Arrays.toString(executable.getGenericParameterTypes()));
        line(2, "exceptions", () -> Arrays.toString(executable.getGenericExceptionTypes()));
        line(2, "annotated exceptions", () -> annotatedTypes(executable.getAnnotatedExceptionTypes()));
        line(2, "annotated return type", () -> annotatedType(executable.getAnnotatedReturnType()));
        line(2, "annotated receiver type", () -> annotatedType(executable.getAnnotatedReceiverType()));
        line(2, "annotated parameter types", () -> annotatedTypes(executable.getAnnotatedParameterTypes()));
        line(2, "parameter annotations", () -> Arrays.deepToString(executable.getParameterAnnotations()));
        typeParameters(2, executable.getTypeParameters());
        annotations(2, executable);
        Parameter[] parameters;
        try {
            parameters = executable.getParameters();
        } catch (RuntimeException | Error e) {
            line(2, "parameters", () -> {
                throw e;
            });
            return;
        }
        for (Parameter parameter : parameters) {
            parameter(parameter);
        }
    }

    private void parameter(Parameter parameter) {
        line(2, "parameter", parameter::toString);
        line(3, "name", () -> parameter.getName() + " present=" + parameter.isNamePresent()
                + " modifiers=" + modifiers(parameter.getModifiers()) + " implicit=" + parameter.isImplicit()
                + " synthetic=" + parameter.isSynthetic() + " varargs=" + parameter.isVarArgs());
        line(3, "type", () -> parameter.getParameterizedType().getTypeName());
        line(3, "annotated type", () -> annotatedType(parameter.getAnnotatedType()));
        annotations(3, parameter);
    }

    private void typeParameters(int depth, TypeVariable<?>[] variables) {
        for (TypeVariable<?> variable : variables) {
            line(depth, "type parameter", () -> variable.getName() + " bounds=" + Arrays.toString(variable.getBounds())
                    + " annotated bounds=" + annotatedTypes(variable.getAnnotatedBounds())
                    + " annotations=" + Arrays.toString(variable.getDeclaredAnnotations()));
        }
    }

    private void annotations(int depth, AnnotatedElement element) {
        line(depth, "declared annotations", () -> sortedText(element.getDeclaredAnnotations()));
        line(depth, "annotations", () -> sortedText(element.getAnnotations()));
    }

    /** An annotated type written out in full: {@code AnnotatedType.toString} says little before JDK 19. */
    private static String annotatedType(AnnotatedType type) {
        return annotatedType(type, new HashSet<>());
    }

    /**
     * {@code expanding}: the type variables whose bounds are being written; one met again inside its
     * own bounds ({@code T extends Comparable<? super T>}) is named only, or the text would never end
     * (and the stack overflow it ended in threw different errors from run to run).
     */
    private static String annotatedType(AnnotatedType type, Set<Type> expanding) {
        if (type == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder();
        text.append(Arrays.toString(type.getDeclaredAnnotations())).append(' ').append(type.getType().getTypeName());
        if (type instanceof AnnotatedParameterizedType) {
            text.append(" args=").append(annotatedTypes(((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments(), expanding));
        } else if (type instanceof AnnotatedArrayType) {
            text.append(" component=").append(annotatedType(((AnnotatedArrayType) type).getAnnotatedGenericComponentType(), expanding));
        } else if (type instanceof AnnotatedWildcardType) {
            AnnotatedWildcardType wildcard = (AnnotatedWildcardType) type;
            text.append(" upper=").append(annotatedTypes(wildcard.getAnnotatedUpperBounds(), expanding))
                    .append(" lower=").append(annotatedTypes(wildcard.getAnnotatedLowerBounds(), expanding));
        } else if (type instanceof AnnotatedTypeVariable) {
            if (expanding.add(type.getType())) {
                text.append(" bounds=").append(annotatedTypes(((AnnotatedTypeVariable) type).getAnnotatedBounds(), expanding));
                expanding.remove(type.getType());
            } else {
                text.append(" bounds=(above)");
            }
        }
        AnnotatedType owner = type.getAnnotatedOwnerType();
        if (owner != null) {
            text.append(" owner=").append(annotatedType(owner, expanding));
        }
        return "{" + text + "}";
    }

    private static String annotatedTypes(AnnotatedType[] types) {
        return annotatedTypes(types, new HashSet<>());
    }

    private static String annotatedTypes(AnnotatedType[] types, Set<Type> expanding) {
        return Arrays.stream(types).map(type -> annotatedType(type, expanding)).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String modifiers(int modifiers) {
        return Modifier.toString(modifiers) + " (0x" + Integer.toHexString(modifiers) + ")";
    }

    private static String names(Class<?>[] classes) {
        return Arrays.stream(classes).map(Class::getName).sorted().collect(Collectors.toList()).toString();
    }

    private static String sortedText(Annotation[] annotations) {
        return Arrays.stream(annotations).map(Annotation::toString).sorted().collect(Collectors.toList()).toString();
    }

    private static <T> List<T> sorted(T[] members, java.util.function.Function<T, String> key) {
        List<T> list = new ArrayList<>(Arrays.asList(members));
        list.sort(Comparator.comparing(key));
        return list;
    }

    private void line(int depth, String label, Callable<String> value) {
        String text;
        try {
            text = value.call();
        } catch (Exception | Error e) {
            text = "threw " + e;
        }
        lines.add("  ".repeat(depth) + label + ": " + text);
    }
}
