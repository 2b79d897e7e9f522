package com.acme.testapp.patterns;

import com.acme.testapp.PaymentService;

/** Extends a {@code @Component} class without the annotation ({@code @Component} is not {@code @Inherited}). */
public class SubPaymentService extends PaymentService {

    public int discount(int cents) {
        return cents / 2;
    }
}
