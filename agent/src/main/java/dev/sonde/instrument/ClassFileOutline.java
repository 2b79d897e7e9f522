package dev.sonde.instrument;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a class file says about itself in its first pages: whether it is an interface, whether it
 * declares any code, the names of the methods it declares with a body, and of its supertypes. Read
 * straight from the bytes the JVM hands to the transformer, without building a description (Byte
 * Buddy's would parse every method, signature and annotation) and without looking up any other
 * class file.
 *
 * <p>This is the cheap question sonde asks every class being loaded before the expensive one: a
 * class can only be changed by the HTTP and JDBC advice if it declares one of the advised methods
 * itself ({@code service}, {@code doFilter}, {@code execute*}...), because advice is woven into
 * declared methods only. Almost no class does, so almost no class has its supertypes walked.
 *
 * <p>Method names are compared as bytes: the names asked about are ASCII, whose modified UTF-8 form
 * (the class file's) is the same bytes. Nothing is allocated per method.
 */
final class ClassFileOutline {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_NATIVE = 0x0100;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final String STATIC_INITIALIZER = "<clinit>";

    private final byte[] bytes;
    /**
     * By constant pool index: the offset of a UTF-8 entry (its length field); minus the index of
     * its name for a class entry; 0 for the other entries.
     */
    private final int[] utf8Offsets;
    /** Where the class file's super_class index is, followed by its interfaces. */
    private final int supertypesAt;
    private final boolean isInterface;
    /** Offsets of the name entries (their length field) of the methods that have a body. */
    private final int[] concreteMethodNames;
    private final int concreteMethodCount;
    private final boolean declaresCode;

    private ClassFileOutline(byte[] bytes, int[] utf8Offsets, int supertypesAt, boolean isInterface,
                             int[] concreteMethodNames, int concreteMethodCount, boolean declaresCode) {
        this.bytes = bytes;
        this.utf8Offsets = utf8Offsets;
        this.supertypesAt = supertypesAt;
        this.isInterface = isInterface;
        this.concreteMethodNames = concreteMethodNames;
        this.concreteMethodCount = concreteMethodCount;
        this.declaresCode = declaresCode;
    }

    /** @throws IllegalArgumentException if {@code classFile} is not a well-formed class file */
    static ClassFileOutline read(byte[] classFile) {
        try {
            return new Reader(classFile).outline();
        } catch (ArrayIndexOutOfBoundsException truncated) {
            throw new IllegalArgumentException("truncated class file", truncated);
        }
    }

    /**
     * The outline of the class file {@code loader} finds for {@code binaryName} ({@code com.acme.Base}),
     * or null when it finds none (a class generated at run time has none).
     *
     * @throws IOException              if the class file cannot be read
     * @throws IllegalArgumentException if it is not a well-formed class file
     */
    static ClassFileOutline find(ClassLoader loader, String binaryName) throws IOException {
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? null : read(in.readAllBytes());
        }
    }

    boolean isInterface() {
        return isInterface;
    }

    /**
     * The binary names ({@code com.acme.Base}) of the superclass and the interfaces the class
     * names in its file; none for {@code java.lang.Object}.
     */
    List<String> supertypeNames() {
        int superClass = u2At(bytes, supertypesAt);
        int interfaceCount = u2At(bytes, supertypesAt + 2);
        List<String> names = new ArrayList<>(interfaceCount + 1);
        if (superClass != 0) {
            names.add(className(superClass));
        }
        for (int i = 0; i < interfaceCount; i++) {
            names.add(className(u2At(bytes, supertypesAt + 4 + 2 * i)));
        }
        return names;
    }

    private String className(int classIndex) {
        int nameIndex = classIndex < utf8Offsets.length ? -utf8Offsets[classIndex] : 0;
        if (nameIndex <= 0 || nameIndex >= utf8Offsets.length || utf8Offsets[nameIndex] <= 0) {
            throw new IllegalArgumentException("a supertype is not a class constant");
        }
        return utf8String(utf8Offsets[nameIndex]).replace('/', '.');
    }

    /** Modified UTF-8 (JVMS §4.4.7), which {@link DataInputStream#readUTF} reads. */
    private String utf8String(int entry) {
        try {
            return new DataInputStream(new ByteArrayInputStream(bytes, entry, bytes.length - entry)).readUTF();
        } catch (IOException malformed) {
            throw new IllegalArgumentException("malformed UTF-8 constant", malformed);
        }
    }

    /**
     * Whether the class declares a method or constructor with a body, other than its static
     * initializer: without one, no advice can be woven into it (an interface of abstract methods, an
     * annotation type, a {@code package-info}).
     */
    boolean declaresCode() {
        return declaresCode;
    }

    /**
     * Whether advice on methods of these names could be woven into this class: it is a class, not an
     * interface, and declares a non-abstract method with one of the names.
     */
    boolean mayTakeAdviceOn(String[] methodNames) {
        return !isInterface && declaresConcreteMethodNamed(methodNames);
    }

    /** Whether the class declares a non-abstract method with one of these (ASCII) names. */
    boolean declaresConcreteMethodNamed(String[] names) {
        for (int m = 0; m < concreteMethodCount; m++) {
            int entry = concreteMethodNames[m];
            for (String name : names) {
                if (utf8Equals(entry, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the class file mentions one of these texts anywhere in its constant pool: a type of a
     * package ({@code java/sql/}) as a class it refers to or inside a descriptor or signature
     * ({@code (Ljava/sql/Connection;)V}), or a type by its descriptor ({@code Lcom/acme/Timed;}, as
     * the class's and its members' annotations name their types).
     *
     * @param packages in the class file's form; ASCII
     */
    boolean mentionsTypesIn(String... packages) {
        for (int entry : utf8Offsets) {
            if (entry > 0) {
                for (String name : packages) {
                    if (utf8Contains(entry, name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean utf8Contains(int entry, String ascii) {
        int length = ((bytes[entry] & 0xFF) << 8) | (bytes[entry + 1] & 0xFF);
        int first = entry + 2;
        int last = first + length - ascii.length();
        for (int start = first; start <= last; start++) {
            if (bytesAt(start, ascii)) {
                return true;
            }
        }
        return false;
    }

    private boolean bytesAt(int offset, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean utf8Equals(int entry, String ascii) {
        return utf8Equals(bytes, entry, ascii);
    }

    private static boolean utf8Equals(byte[] bytes, int entry, String ascii) {
        int length = ((bytes[entry] & 0xFF) << 8) | (bytes[entry + 1] & 0xFF);
        if (length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[entry + 2 + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u2At(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    /** Walks the class file's structure (JVMS §4.1) as far as the methods table. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        ClassFileOutline outline() {
            if (u4() != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            position += 4; // minor and major version
            int[] utf8Offsets = constantPool();
            boolean isInterface = (u2() & ACC_INTERFACE) != 0;
            position += 2; // this_class
            int supertypesAt = position;
            position += 2; // super_class
            int interfaces = u2();
            position += 2 * interfaces;
            skipMembers(); // fields
            int methodCount = u2();
            int[] concrete = new int[methodCount];
            int concreteCount = 0;
            boolean declaresCode = false;
            for (int m = 0; m < methodCount; m++) {
                int access = u2();
                int nameIndex = u2();
                position += 2; // descriptor
                skipAttributes();
                if ((access & ACC_ABSTRACT) == 0) {
                    int name = utf8(utf8Offsets, nameIndex);
                    concrete[concreteCount++] = name;
                    declaresCode |= (access & ACC_NATIVE) == 0 && !utf8Equals(bytes, name, STATIC_INITIALIZER);
                }
            }
            if (position > bytes.length) {
                throw new IllegalArgumentException("truncated class file");
            }
            return new ClassFileOutline(bytes, utf8Offsets, supertypesAt, isInterface, concrete, concreteCount,
                    declaresCode);
        }

        /** The offset of every UTF-8 entry by its index, minus its name's index for a class entry; 0 for the others. */
        private int[] constantPool() {
            int count = u2();
            int[] utf8Offsets = new int[count];
            for (int index = 1; index < count; index++) {
                int tag = bytes[position++] & 0xFF;
                switch (tag) {
                    case 1: // Utf8
                        utf8Offsets[index] = position;
                        position += 2 + u2At(position);
                        break;
                    case 7: // Class
                        utf8Offsets[index] = -u2At(position);
                        position += 2;
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        position += 4;
                        break;
                    case 5: case 6: // Long and Double take two slots
                        position += 8;
                        index++;
                        break;
                    case 8: case 16: case 19: case 20:
                        position += 2;
                        break;
                    case 15: // MethodHandle
                        position += 3;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            return utf8Offsets;
        }

        private int utf8(int[] utf8Offsets, int index) {
            if (index <= 0 || index >= utf8Offsets.length || utf8Offsets[index] <= 0) {
                throw new IllegalArgumentException("method name is not a UTF-8 constant");
            }
            return utf8Offsets[index];
        }

        private void skipMembers() {
            int count = u2();
            for (int i = 0; i < count; i++) {
                position += 6; // access, name, descriptor
                skipAttributes();
            }
        }

        private void skipAttributes() {
            int count = u2();
            for (int i = 0; i < count; i++) {
                position += 2; // name
                int length = u4();
                if (length < 0) {
                    throw new IllegalArgumentException("attribute longer than a class file can be");
                }
                position += length;
            }
        }

        private int u2() {
            int value = u2At(position);
            position += 2;
            return value;
        }

        private int u2At(int offset) {
            return ClassFileOutline.u2At(bytes, offset);
        }

        private int u4() {
            int value = (u2At(position) << 16) | u2At(position + 2);
            position += 4;
            return value;
        }
    }
}
