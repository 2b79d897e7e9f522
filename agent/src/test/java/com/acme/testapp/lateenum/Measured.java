package com.acme.testapp.lateenum;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The annotation an include selects by, on a class or a method. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Measured {
}
