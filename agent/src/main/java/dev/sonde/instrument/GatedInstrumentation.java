package dev.sonde.instrument;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The JVM's {@link Instrumentation} as Byte Buddy sees it when sonde installs or removes a
 * configuration: every call goes to the JVM, except that the transformer Byte Buddy registers or
 * removes is plugged into, or out of, sonde's {@link TransformerGate} (which the JVM already calls).
 * That is what lets classes wait for a transformer that does not exist yet, without a second
 * registration racing the first: the JVM takes its list of transformers when a class starts
 * loading, so a transformer registered meanwhile would miss that class, or see it twice.
 */
final class GatedInstrumentation implements Instrumentation {

    private final Instrumentation jvm;
    private final TransformerGate gate;

    GatedInstrumentation(Instrumentation jvm, TransformerGate gate) {
        this.jvm = jvm;
        this.gate = gate;
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer, boolean canRetransform) {
        gate.plugIn(transformer);
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer) {
        gate.plugIn(transformer);
    }

    @Override
    public boolean removeTransformer(ClassFileTransformer transformer) {
        return gate.unplug(transformer);
    }

    @Override
    public boolean isRetransformClassesSupported() {
        return jvm.isRetransformClassesSupported();
    }

    @Override
    public void retransformClasses(Class<?>... classes) throws UnmodifiableClassException {
        jvm.retransformClasses(classes);
    }

    @Override
    public boolean isRedefineClassesSupported() {
        return jvm.isRedefineClassesSupported();
    }

    @Override
    public void redefineClasses(ClassDefinition... definitions) throws ClassNotFoundException,
            UnmodifiableClassException {
        jvm.redefineClasses(definitions);
    }

    @Override
    public boolean isModifiableClass(Class<?> type) {
        return jvm.isModifiableClass(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class[] getAllLoadedClasses() {
        return jvm.getAllLoadedClasses();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class[] getInitiatedClasses(ClassLoader loader) {
        return jvm.getInitiatedClasses(loader);
    }

    @Override
    public long getObjectSize(Object object) {
        return jvm.getObjectSize(object);
    }

    @Override
    public void appendToBootstrapClassLoaderSearch(JarFile jar) {
        jvm.appendToBootstrapClassLoaderSearch(jar);
    }

    @Override
    public void appendToSystemClassLoaderSearch(JarFile jar) {
        jvm.appendToSystemClassLoaderSearch(jar);
    }

    @Override
    public boolean isNativeMethodPrefixSupported() {
        return jvm.isNativeMethodPrefixSupported();
    }

    @Override
    public void setNativeMethodPrefix(ClassFileTransformer transformer, String prefix) {
        jvm.setNativeMethodPrefix(transformer, prefix);
    }

    @Override
    public void redefineModule(Module module, Set<Module> extraReads, Map<String, Set<Module>> extraExports,
                               Map<String, Set<Module>> extraOpens, Set<Class<?>> extraUses,
                               Map<Class<?>, List<Class<?>>> extraProvides) {
        jvm.redefineModule(module, extraReads, extraExports, extraOpens, extraUses, extraProvides);
    }

    @Override
    public boolean isModifiableModule(Module module) {
        return jvm.isModifiableModule(module);
    }
}
