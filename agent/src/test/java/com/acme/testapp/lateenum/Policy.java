package com.acme.testapp.lateenum;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation whose value names an enum constant. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Policy {
    Level value();
}
