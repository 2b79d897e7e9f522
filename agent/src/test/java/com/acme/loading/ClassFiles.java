package com.acme.loading;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Class files written directly with ASM (the copy inside Byte Buddy, on the test class path), at a
 * chosen class-file version: what a compiler for Java 1.2 to 25 would emit for these shapes.
 * The classes for the class-loading tests have {@code public static long work(long)}, the method they time.
 */
public final class ClassFiles {

    private ClassFiles() {
    }

    /** The class-file major version of a Java release: 52 for Java 8, 69 for Java 25. */
    public static int major(int release) {
        return 44 + release;
    }

    /** {@code static final long SEED = seed;} set in {@code <clinit>}; {@code work(x) = x * 31 + SEED}. */
    public static byte[] simple(String className, int release, long seed) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        String internal = className.replace('.', '/');
        writer.visit(major(release), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "SEED", "J", null, null).visitEnd();
        constructor(writer);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitLdcInsn(seed);
        init.visitFieldInsn(Opcodes.PUTSTATIC, internal, "SEED", "J");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor work = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "work", "(J)J", null, null);
        work.visitCode();
        work.visitVarInsn(Opcodes.LLOAD, 0);
        work.visitLdcInsn(31L);
        work.visitInsn(Opcodes.LMUL);
        work.visitFieldInsn(Opcodes.GETSTATIC, internal, "SEED", "J");
        work.visitInsn(Opcodes.LADD);
        work.visitInsn(Opcodes.LRETURN);
        work.visitMaxs(0, 0);
        work.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    public static long simpleResult(long x, long seed) {
        return x * 31 + seed;
    }

    /**
     * {@code work(x)} of {@code blocks} branches, 27 bytes of code each:
     * {@code if (x > i) x = x * 31 + i; else x = x ^ i;} then {@code return x}. 2 000 blocks make 54 003 bytes, 2 425 blocks make
     * 65 477 bytes, just under the JVM's 65 535-byte limit for one method's code.
     */
    public static byte[] large(String className, int release, int blocks) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(major(release), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, className.replace('.', '/'), null,
                "java/lang/Object", null);
        constructor(writer);
        MethodVisitor work = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "work", "(J)J", null, null);
        work.visitCode();
        for (int i = 0; i < blocks; i++) {
            Label otherwise = new Label();
            Label next = new Label();
            work.visitVarInsn(Opcodes.LLOAD, 0);
            work.visitLdcInsn((long) i);
            work.visitInsn(Opcodes.LCMP);
            work.visitJumpInsn(Opcodes.IFLE, otherwise);
            work.visitVarInsn(Opcodes.LLOAD, 0);
            work.visitLdcInsn(31L);
            work.visitInsn(Opcodes.LMUL);
            work.visitLdcInsn((long) i);
            work.visitInsn(Opcodes.LADD);
            work.visitVarInsn(Opcodes.LSTORE, 0);
            work.visitJumpInsn(Opcodes.GOTO, next);
            work.visitLabel(otherwise);
            work.visitVarInsn(Opcodes.LLOAD, 0);
            work.visitLdcInsn((long) i);
            work.visitInsn(Opcodes.LXOR);
            work.visitVarInsn(Opcodes.LSTORE, 0);
            work.visitLabel(next);
        }
        work.visitVarInsn(Opcodes.LLOAD, 0);
        work.visitInsn(Opcodes.LRETURN);
        work.visitMaxs(0, 0);
        work.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    public static long largeResult(long x, int blocks) {
        for (int i = 0; i < blocks; i++) {
            x = x > i ? x * 31 + i : x ^ i;
        }
        return x;
    }

    /** {@code public interface Step { long apply(long x); }} */
    public static byte[] stepInterface(String interfaceName, int release) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(major(release), Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                interfaceName.replace('.', '/'), null, "java/lang/Object", null);
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "apply", "(J)J", null, null).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * A class implementing {@code Step} whose static initialiser calls other classes:
     * {@code static { VALUE = partner.work(index) + previous.work(index); }} ({@code previous} may be
     * null); {@code work(x) = x + index}, {@code apply(x) = work(x)}.
     */
    public static byte[] crossInitialised(String className, String interfaceName, int release, int index,
                                          String partner, String previous) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        String internal = className.replace('.', '/');
        writer.visit(major(release), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "java/lang/Object",
                new String[] {interfaceName.replace('.', '/')});
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "VALUE", "J", null, null).visitEnd();
        constructor(writer);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitLdcInsn((long) index);
        init.visitMethodInsn(Opcodes.INVOKESTATIC, partner.replace('.', '/'), "work", "(J)J", false);
        if (previous != null) {
            init.visitLdcInsn((long) index);
            init.visitMethodInsn(Opcodes.INVOKESTATIC, previous.replace('.', '/'), "work", "(J)J", false);
            init.visitInsn(Opcodes.LADD);
        }
        init.visitFieldInsn(Opcodes.PUTSTATIC, internal, "VALUE", "J");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor work = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "work", "(J)J", null, null);
        work.visitCode();
        work.visitVarInsn(Opcodes.LLOAD, 0);
        work.visitLdcInsn((long) index);
        work.visitInsn(Opcodes.LADD);
        work.visitInsn(Opcodes.LRETURN);
        work.visitMaxs(0, 0);
        work.visitEnd();
        MethodVisitor apply = writer.visitMethod(Opcodes.ACC_PUBLIC, "apply", "(J)J", null, null);
        apply.visitCode();
        apply.visitVarInsn(Opcodes.LLOAD, 1);
        apply.visitMethodInsn(Opcodes.INVOKESTATIC, internal, "work", "(J)J", false);
        apply.visitInsn(Opcodes.LRETURN);
        apply.visitMaxs(0, 0);
        apply.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code public class Answer { int next(int x) { return x + 1; } Object later() { return "later"; }
     * int fail() { throw new IllegalStateException("failed"); } }}: a constructor, a method, one whose result
     * could complete later, and one that throws.
     */
    public static byte[] answer(String className, int release) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String internalName = className.replace('.', '/');
        writer.visit(major(release), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);

        constructor(writer);

        MethodVisitor next = writer.visitMethod(Opcodes.ACC_PUBLIC, "next", "(I)I", null, null);
        next.visitCode();
        next.visitVarInsn(Opcodes.ILOAD, 1);
        next.visitInsn(Opcodes.ICONST_1);
        next.visitInsn(Opcodes.IADD);
        next.visitInsn(Opcodes.IRETURN);
        next.visitMaxs(0, 0);
        next.visitEnd();

        MethodVisitor later = writer.visitMethod(Opcodes.ACC_PUBLIC, "later", "()Ljava/lang/Object;", null, null);
        later.visitCode();
        later.visitLdcInsn("later");
        later.visitInsn(Opcodes.ARETURN);
        later.visitMaxs(0, 0);
        later.visitEnd();

        MethodVisitor fail = writer.visitMethod(Opcodes.ACC_PUBLIC, "fail", "()I", null, null);
        fail.visitCode();
        fail.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        fail.visitInsn(Opcodes.DUP);
        fail.visitLdcInsn("failed");
        fail.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false);
        fail.visitInsn(Opcodes.ATHROW);
        fail.visitMaxs(0, 0);
        fail.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }
}
