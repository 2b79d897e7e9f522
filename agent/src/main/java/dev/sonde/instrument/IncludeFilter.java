package dev.sonde.instrument;

import dev.sonde.config.MethodPattern;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a class being loaded must show for one include pattern to select a method in it, told from
 * its name, its loader and its class file ({@link ClassFileOutline}) before Byte Buddy describes it.
 * Like every answer of {@link TransformCandidates}, a no must be certain and a yes may turn out to
 * select nothing.
 *
 * <p>Annotations are the case that matters. Byte Buddy decides {@code @Annotation} (a class that
 * carries the annotation, or inherits it from a superclass when the annotation is
 * {@code @Inherited}) by describing the class, then each superclass up to {@code Object} from its
 * class file, then each of their annotation types: for every class loaded, under the documented
 * {@code include=@...RestController#*}, which made a Spring Boot start take 1.4 times as long as
 * without sonde. A class can carry an annotation only if its class file names the annotation's
 * type, and can inherit it only if the annotation type is {@code @Inherited}, which is read once
 * per class loader from the annotation's own class file. The same holds for {@code #@Annotation}:
 * a method's annotations are in its class's file. {@code +Type} is decided from class files too
 * ({@link SubtypesOf}).
 */
final class IncludeFilter {

    private static final String INHERITED = "Ljava/lang/annotation/Inherited;";

    private final MethodPattern pattern;
    /** {@code Lcom/acme/Timed;} for {@code @com.acme.Timed}; null when the class part is no annotation. */
    private final String typeAnnotation;
    /** The same for {@code #@com.acme.Timed}; null when the method part is no annotation. */
    private final String methodAnnotation;
    /** For {@code +Type}; null for the other patterns. */
    private final SubtypesOf subtypes;
    /** Per class loader: whether the class annotation, as that loader sees it, may be {@code @Inherited}. */
    private final Map<ClassLoader, Boolean> inheritedIn = Collections.synchronizedMap(new WeakHashMap<>());

    IncludeFilter(MethodPattern pattern) {
        this.pattern = pattern;
        this.typeAnnotation = pattern.typeSelection() == MethodPattern.TypeSelection.ANNOTATED
                ? descriptorOf(pattern.typeText()) : null;
        this.methodAnnotation = pattern.methodSelection() == MethodPattern.MethodSelection.ANNOTATED
                ? descriptorOf(pattern.methodText()) : null;
        this.subtypes = pattern.typeSelection() == MethodPattern.TypeSelection.SUBTYPE_OF
                ? new SubtypesOf(pattern.typeText()) : null;
    }

    /** False only when the pattern selects classes by name and {@code className} is not one of them. */
    boolean mayNameSelect(String className) {
        return pattern.typeSelection() != MethodPattern.TypeSelection.NAME || pattern.matchesTypeName(className);
    }

    /** Whether the pattern may select a method of this class being loaded. */
    boolean maySelect(String className, ClassLoader loader, ClassFileOutline outline) {
        if (!mayNameSelect(className) || !mentions(outline, methodAnnotation)) {
            return false;
        }
        if (subtypes != null) {
            return isSubtype(className, loader, outline);
        }
        return mentions(outline, typeAnnotation) || inheritedIn(loader);
    }

    private boolean isSubtype(String className, ClassLoader loader, ClassFileOutline outline) {
        try {
            return subtypes.mayBeOne(className, loader, outline);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /** Whether the class file names the annotation type; true when there is none to look for or it cannot tell. */
    private static boolean mentions(ClassFileOutline outline, String descriptor) {
        return descriptor == null || outline.mentionsTypesIn(descriptor);
    }

    private boolean inheritedIn(ClassLoader loader) {
        if (loader == null) {
            return true;
        }
        Boolean inherited = inheritedIn.get(loader);
        if (inherited == null) {
            // Read outside the map's lock: a loader's look-up may load classes, which come here too.
            inherited = readInherited(loader);
            inheritedIn.put(loader, inherited);
        }
        return inherited;
    }

    /**
     * From the annotation's class file as {@code loader} finds it: a loader that cannot find it has
     * no class that can inherit it (an annotation whose type cannot be loaded is not seen at all).
     */
    private boolean readInherited(ClassLoader loader) {
        try {
            ClassFileOutline annotation = ClassFileOutline.find(loader, pattern.typeText());
            return annotation != null && annotation.mentionsTypesIn(INHERITED);
        } catch (IOException | IllegalArgumentException | SecurityException unreadable) {
            return true;
        }
    }

    /**
     * {@code Lcom/acme/Timed;}, or null for a name with characters beyond ASCII: the outline compares
     * ASCII only, so such a class annotation is never ruled out.
     */
    private static String descriptorOf(String binaryName) {
        for (int i = 0; i < binaryName.length(); i++) {
            if (binaryName.charAt(i) > 0x7F) {
                return null;
            }
        }
        return "L" + binaryName.replace('.', '/') + ";";
    }
}
