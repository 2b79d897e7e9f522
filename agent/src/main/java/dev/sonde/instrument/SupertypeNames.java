package dev.sonde.instrument;

import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The names of every class and interface a type extends or implements, itself included, from its
 * description (a class being loaded). Several matchers ask about the same type in a row (servlet,
 * filter, async context): the last answer is kept so the supertypes are walked once per class.
 * Supertypes that cannot be described (an optional dependency missing) are left out.
 */
final class SupertypeNames {

    private static final class Answer {
        final TypeDescription type;
        final Set<String> names;

        Answer(TypeDescription type, Set<String> names) {
            this.type = type;
            this.names = names;
        }
    }

    private final AtomicReference<Answer> last = new AtomicReference<>();

    Set<String> of(TypeDescription type) {
        Answer answer = last.get();
        if (answer != null && answer.type == type) {
            return answer.names;
        }
        Set<String> names = walk(type);
        last.set(new Answer(type, names));
        return names;
    }

    private static Set<String> walk(TypeDescription type) {
        Set<String> names = new HashSet<>();
        Deque<TypeDescription> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            TypeDescription next = pending.removeFirst();
            if (!names.add(next.getName())) {
                continue;
            }
            try {
                TypeDescription.Generic superClass = next.getSuperClass();
                if (superClass != null) {
                    pending.add(superClass.asErasure());
                }
                pending.addAll(next.getInterfaces().asErasures());
            } catch (RuntimeException unresolvable) {
                // A supertype's class file is missing: what was found so far is the answer.
            }
        }
        return names;
    }
}
