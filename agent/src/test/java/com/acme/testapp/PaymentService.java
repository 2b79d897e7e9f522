package com.acme.testapp;

/** Matched by wildcards like {@code com.acme.*.*Service}. */
@Component
public class PaymentService {

    public int charge(int cents) {
        return cents + 1;
    }

    public int refund(int cents) {
        return cents - 1;
    }
}
