package com.acme.testapp.jmx;

import java.util.logging.LogManager;

/** An application's own LogManager, as JBoss LogManager is WildFly's. */
public class OwnLogManager extends LogManager {
}
