package dev.sonde.instrument;

/** Defines one class from bytes and leaves every other to the test's class loader. */
final class SingleClassLoader extends ClassLoader {

    private final String name;
    private final byte[] classFile;

    SingleClassLoader(String name, byte[] classFile) {
        super(SingleClassLoader.class.getClassLoader());
        this.name = name;
        this.classFile = classFile;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(className)) {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            Class<?> loaded = findLoadedClass(className);
            return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
        }
    }
}
