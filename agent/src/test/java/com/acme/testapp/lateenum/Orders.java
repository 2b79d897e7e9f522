package com.acme.testapp.lateenum;

/** Annotated with an enum value whose enum cannot be initialised yet when sonde attaches. */
@Measured
@Policy(Level.HIGH)
public class Orders {

    @Measured
    @Policy(Level.LOW)
    public int place(int id) {
        return id * 7 + 1;
    }
}
