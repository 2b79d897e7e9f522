package com.acme.testapp.jmx;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/** An application's own MBean server builder, as WebLogic's is; notes whether the JVM used it. */
public class OwnMBeanServerBuilder extends MBeanServerBuilder {

    static volatile boolean used;

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        used = true;
        return super.newMBeanServer(defaultDomain, outer, delegate);
    }
}
