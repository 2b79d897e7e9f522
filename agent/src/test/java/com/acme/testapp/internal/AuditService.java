package com.acme.testapp.internal;

/** In a subpackage: only {@code **} reaches it. */
public class AuditService {

    public int audit(int n) {
        return n;
    }
}
