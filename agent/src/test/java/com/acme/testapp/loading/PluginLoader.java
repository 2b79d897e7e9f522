package com.acme.testapp.loading;

/** A class loader of the application's own, as frameworks and launchers have. */
public class PluginLoader extends ClassLoader {

    public PluginLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    public String describe() {
        return "plugins";
    }
}
