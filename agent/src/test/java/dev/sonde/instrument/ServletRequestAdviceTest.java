package dev.sonde.instrument;

import jakarta.servlet.http.HttpServlet;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet advice must stay small: it is woven into every filter and servlet, and a method the
 * JIT inlines into a hot caller only up to 325 bytes of bytecode ({@code FreqInlineSize}). When the
 * advice read the request itself, {@code HttpServlet#service(ServletRequest, ServletResponse)} grew
 * from 41 to 464 bytes and Tomcat's filter chain could no longer inline it.
 */
class ServletRequestAdviceTest {

    private static final String SERVICE = "service";
    private static final String BRIDGE = "(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V";
    private static final int FREQ_INLINE_SIZE = 325;
    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int METHOD_HANDLE = 15;
    /** Class, string, method type, module, package: one index each. Every other entry takes 4 bytes. */
    private static final java.util.List<Integer> TWO_BYTE_ENTRIES = java.util.List.of(7, 8, 16, 19, 20);

    @Test
    void theServletBridgeStaysSmallEnoughForTheJitToInline() throws IOException {
        byte[] plain = ClassFileLocator.ForClassLoader.read(HttpServlet.class);
        ElementMatcher<MethodDescription> bridge = named(SERVICE).and(takesArguments(2))
                .and(takesArgument(0, named("jakarta.servlet.ServletRequest")));
        byte[] woven = new ByteBuddy().redefine(HttpServlet.class)
                .visit(Advice.to(ServletRequestAdvice.class).withExceptionHandler(AdviceFailureHandler.HTTP).on(bridge))
                .make().getBytes();

        int before = codeLength(plain, SERVICE, BRIDGE);
        int after = codeLength(woven, SERVICE, BRIDGE);

        assertThat(after).as("woven, against %d bytes before", before).isGreaterThan(before)
                .isLessThanOrEqualTo(before + 100).isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }

    /** The length of a method's bytecode, read from its class file's {@code Code} attribute. */
    private static int codeLength(byte[] classFile, String name, String descriptor) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipBytes(8); // magic, versions
        String[] utf8 = new String[in.readUnsignedShort()];
        for (int i = 1; i < utf8.length; i++) {
            int tag = in.readUnsignedByte();
            if (tag == UTF8) {
                utf8[i] = in.readUTF();
            } else if (tag == LONG || tag == DOUBLE) {
                in.skipBytes(8);
                i++; // takes two slots
            } else {
                in.skipBytes(tag == METHOD_HANDLE ? 3 : TWO_BYTE_ENTRIES.indexOf(tag) >= 0 ? 2 : 4);
            }
        }
        in.skipBytes(6); // access, this, super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.skipBytes(2);
            String methodName = utf8[in.readUnsignedShort()];
            String methodDescriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code") && methodName.equals(name) && methodDescriptor.equals(descriptor)) {
                    in.skipBytes(4); // max stack, max locals
                    return in.readInt();
                }
                in.skipBytes(length);
            }
        }
        throw new AssertionError(name + descriptor + " has no code");
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int i = 0; i < members; i++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
